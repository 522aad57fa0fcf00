package br.bankhistory.cnab;

/** How serious a finding is. ERROR means the file (or an item) cannot be trusted as it is. */
public enum Severity {
    INFO,
    WARNING,
    ERROR
}
