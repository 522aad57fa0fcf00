/**
 * Writes remessas (cobrança CNAB 240 and 400, pagamento CNAB 240) from typed input, with the same layout
 * descriptions the reader reads them with ({@code src/main/resources/br/bankhistory/cnab/layouts/}): a
 * field's start, end, picture, decimals and date format, plus what only writing needs ({@code default=},
 * {@code trunc}, {@code from=}, {@code blank}, {@code width}). A bank added as data is written too.
 *
 * <h2>Entry points</h2>
 * <ul>
 *   <li>{@link br.bankhistory.cnab.write.RemessaWriter#cobranca240}, {@code cobranca400}, {@code pagamento240}:
 *       stream writers ({@code add(item)}, {@code close()} writes the trailers).</li>
 *   <li>Input: {@link br.bankhistory.cnab.write.RemessaHeader} (company, agency, account, convênio, carteira,
 *       NSA, date and time), {@link br.bankhistory.cnab.write.CobrancaTitle} (with
 *       {@link br.bankhistory.cnab.write.Party}, {@link br.bankhistory.cnab.write.Charge},
 *       {@link br.bankhistory.cnab.write.Instruction}), {@link br.bankhistory.cnab.write.Payment}
 *       ({@code Transfer} for A+B, {@code Boleto} for J+J-52). Anything the types do not model goes in
 *       {@code extraFields}, keyed by layout field name.</li>
 *   <li>{@link br.bankhistory.cnab.write.RecordCopy}: reads any file record by record through the layout
 *       data and writes it again from the values read (or hands them to a visitor): the proof that the
 *       descriptions cover the real files byte for byte.</li>
 *   <li>{@link br.bankhistory.cnab.write.RecordFormatter} / {@link br.bankhistory.cnab.write.RecordFields}:
 *       one record to bytes and back.</li>
 * </ul>
 *
 * <h2>Output</h2>
 * Fixed width (240 / 400, 444 with Itaú's chave NF-e, 39 for BRB's header), ISO-8859-1 bytes, CRLF after
 * every record (LF or no final line end through {@link br.bankhistory.cnab.write.WriteOptions}). Text is
 * uppercased, accents removed (NFD, marks dropped: {@code ç} → {@code C}), any other non-ASCII character
 * replaced by one blank, never removed ({@link br.bankhistory.cnab.write.CnabText}). Numeric fields are
 * zero-filled and right-aligned, text fields space-filled and left-aligned. Computed: record sequence
 * numbers (240: 9-13 within each lote; 400: 395-400), lote numbers, lote trailers (record count; titles'
 * count and total, or the payments' total) and file trailers (lote and record counts; 400: the bank's
 * counts and total where its trailer has them).
 *
 * <h2>Too long</h2>
 * A value longer than its field is a {@link br.bankhistory.cnab.write.CnabWriteException} naming the record
 * and the field, raised before any record of the item is written (the writer stays usable), except for the
 * free-text fields marked {@code trunc} in the data, which are cut to their width: names (company, payer,
 * payee, beneficiary, sacador/avalista, drawer), addresses (street, complement, district, city) and
 * messages. Never cut: nosso número, seu número, documents, agency, account, convênio, codes, CEP, UF,
 * barcode, e-mail, amounts and dates (a date a {@code ddMMyy} field cannot hold, outside 1970-2069, is an
 * error too; so is a value with more decimal places than its field). A trailer total that overflows its
 * field fails at {@code close()}.
 *
 * <h2>What the engine does not compute</h2>
 * Check digits (nosso número DV, agency and account DVs, Itaú's DAC, Santander's account complement at
 * 400 384-385) are the caller's: pass them in the typed input or as extra fields.
 */
package br.bankhistory.cnab.write;
