package br.bankhistory.history.wiring;

import br.bankhistory.history.config.Lazy;
import br.bankhistory.history.notify.AdminEmail;
import br.bankhistory.history.notify.EmailSender;

import java.util.function.Supplier;

/** An {@link EmailSender} built the first time an email is prepared (thread-safe), to keep it off the cold start. */
final class OnFirstEmail implements EmailSender {

    private final Lazy<EmailSender> sender;

    OnFirstEmail(Supplier<EmailSender> factory) {
        this.sender = Lazy.of(factory);
    }

    @Override
    public Prepared prepare(AdminEmail email) {
        return sender.get().prepare(email);
    }

    @Override
    public String send(Prepared prepared) {
        return sender.get().send(prepared);
    }
}
