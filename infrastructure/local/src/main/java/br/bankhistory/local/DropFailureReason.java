package br.bankhistory.local;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The {@code <name>.reason.txt} written beside a file moved to {@code .failed/}: why, and what to do, in
 * pt-BR for whoever looks in the folder. The technical error, in English and with its stack trace, goes to
 * the log (event {@code drop.failed}), which the text points to.
 */
final class DropFailureReason {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss").withZone(ZoneId.of("America/Sao_Paulo"));

  private DropFailureReason() {}

  /** The text for a file that failed at {@code at} with {@code cause}. */
  static String text(String fileName, Instant at, Throwable cause) {
    return "O arquivo “" + fileName + "” não entrou no histórico (" + WHEN.format(at) + ", horário de Brasília).\n\n"
        + "Motivo: " + explanation(cause) + "\n\n"
        + "O erro técnico completo está no log da pilha local (evento drop.failed, com este nome de arquivo).\n";
  }

  private static String explanation(Throwable cause) {
    if (cause instanceof DropFolder.NotATenantFolder notATenant) {
      return "a pasta “" + notATenant.folder() + "” não é o código de uma empresa. O nome da pasta deve ter só "
          + "letras minúsculas, algarismos e hífens (por exemplo, acme). Mova o arquivo para a pasta da empresa.";
    }
    if (cause instanceof AsyncInvoker.DeadLettered deadLettered) {
      return deadLettered.explanation();
    }
    if (cause instanceof AsyncInvoker.Undelivered) {
      return cause.getMessage();
    }
    if (cause instanceof S3Delivery.NotRecorded notRecorded) {
      return "o serviço recusou o objeto " + notRecorded.key() + ": não é um caminho que ele registra. "
          + "Nada foi gravado no histórico.";
    }
    return "falha inesperada ao entregar o arquivo ao serviço. Depois de corrigir a causa, coloque o arquivo de "
        + "novo na pasta da empresa (se ele já tiver entrado no histórico, aparecerá como duplicado).";
  }
}
