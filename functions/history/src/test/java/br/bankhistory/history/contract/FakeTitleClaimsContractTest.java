package br.bankhistory.history.contract;

import br.bankhistory.history.fake.FakeTitleClaims;
import br.bankhistory.history.port.TitleClaims;

class FakeTitleClaimsContractTest extends TitleClaimsContract {

    private TitleClaims store;

    @Override
    TitleClaims newStore() {
        store = new FakeTitleClaims();
        return store;
    }

    @Override
    TitleClaims sameStorage() {
        return store;
    }
}
