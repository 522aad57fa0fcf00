package br.bankhistory.cnab.cli;

import br.bankhistory.cnab.ReadOptions;

/**
 * The arguments of {@code inspect FILE [--json] [--items] [--max-findings N]} (or {@code --help}), parsed
 * and checked; a bad argument is an {@link IllegalArgumentException} whose message says what is wrong.
 */
record InspectOptions(String file, boolean json, boolean items, int maxFindings, boolean help) {

    static InspectOptions parse(String[] args) {
        int i = 0;
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
            return new InspectOptions("", false, false, 0, true);
        }
        if (args.length == 0 || !args[0].equals("inspect")) {
            throw new IllegalArgumentException(args.length == 0 ? "no command" : "unknown command " + args[0]);
        }
        i++;
        String file = null;
        boolean json = false;
        boolean items = false;
        int maxFindings = ReadOptions.defaults().maxFindings();
        for (; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--json" -> json = true;
                case "--items" -> items = true;
                case "--help", "-h" -> {
                    return new InspectOptions("", false, false, 0, true);
                }
                case "--max-findings" -> {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException("--max-findings needs a number");
                    }
                    try {
                        maxFindings = Integer.parseInt(args[++i]);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--max-findings needs a number, not " + args[i]);
                    }
                    if (maxFindings < 0) {
                        throw new IllegalArgumentException("--max-findings cannot be negative");
                    }
                }
                default -> {
                    if (arg.startsWith("--")) {
                        throw new IllegalArgumentException("unknown option " + arg);
                    }
                    if (file != null) {
                        throw new IllegalArgumentException("one file only (got " + file + " and " + arg + ")");
                    }
                    file = arg;
                }
            }
        }
        if (file == null) {
            throw new IllegalArgumentException("no file");
        }
        return new InspectOptions(file, json, items, maxFindings, false);
    }
}
