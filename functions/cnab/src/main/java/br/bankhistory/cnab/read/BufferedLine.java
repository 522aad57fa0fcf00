package br.bankhistory.cnab.read;

/** A copy of one line held while the file is being classified. */
record BufferedLine(byte[] bytes, int length, long number, int control) {

    static BufferedLine copyOf(byte[] source, int offset, int kept, int length, long number, int control) {
        byte[] copy = new byte[kept];
        System.arraycopy(source, offset, copy, 0, kept);
        return new BufferedLine(copy, length, number, control);
    }

    int kept() {
        return bytes.length;
    }

    char at(int position) {
        return position >= 1 && position <= bytes.length ? (char) (bytes[position - 1] & 0xFF) : ' ';
    }

    boolean digitsAt(int from, int to) {
        for (int p = from; p <= to; p++) {
            char c = at(p);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    boolean textAt(int position, String expected) {
        for (int i = 0; i < expected.length(); i++) {
            if (at(position + i) != expected.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
