package br.bankhistory.history.contract;

import br.bankhistory.history.fake.FakeCreditBook;
import br.bankhistory.history.port.CreditBook;

class FakeCreditBookContractTest extends CreditBookContract {

    private CreditBook book;

    @Override
    CreditBook newBook() {
        book = new FakeCreditBook();
        return book;
    }

    @Override
    CreditBook sameStorage() {
        return book;
    }
}
