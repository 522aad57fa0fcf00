package br.bankhistory.cnab;

/** Receives the items of a file one by one, as they are read, so memory does not grow with the file. */
@FunctionalInterface
public interface ItemSink {

    ItemSink DISCARD = item -> { };

    void accept(Item item);
}
