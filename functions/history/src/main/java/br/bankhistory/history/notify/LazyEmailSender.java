package br.bankhistory.history.notify;

import java.util.function.Supplier;

/** An {@link EmailSender} built the first time it is needed (thread-safe), to keep it off the cold start. */
public final class LazyEmailSender implements EmailSender {

    private final Supplier<EmailSender> factory;
    private volatile EmailSender sender;

    public LazyEmailSender(Supplier<EmailSender> factory) {
        this.factory = factory;
    }

    @Override
    public Prepared prepare(AdminEmail email) {
        return sender().prepare(email);
    }

    @Override
    public String send(Prepared prepared) {
        return sender().send(prepared);
    }

    private EmailSender sender() {
        EmailSender current = sender;
        if (current == null) {
            synchronized (this) {
                current = sender;
                if (current == null) {
                    current = factory.get();
                    sender = current;
                }
            }
        }
        return current;
    }
}
