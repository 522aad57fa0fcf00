package br.bankhistory.history.domain;

/** How a file entered the history: a person (manual) or the automatic bank integration. */
public enum Origin {
    MANUAL,
    AUTOMATIC
}
