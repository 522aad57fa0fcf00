package br.bankhistory.history.migrate;

import br.bankhistory.history.Services;
import br.bankhistory.history.config.ServiceConfig;
import br.bankhistory.history.domain.Tenants;

import java.util.ArrayList;
import java.util.List;

/**
 * The command that moves records of the former layout to chunks and the title index (docs/operations.md,
 * "Migrating items of the former layout"). Configured by the same environment as the functions
 * ({@code TABLE_NAME}, {@code FILES_BUCKET}, {@code AWS_REGION}, the endpoint overrides), so it runs against AWS
 * or the local emulators alike.
 *
 * <pre>
 * MigrateItems [--dry-run] --tenant TENANT [--tenant TENANT]...
 * </pre>
 *
 * The tenants are named (at least one): each one's records are found by a Query, and nothing scans the table.
 * Exits 0 when every record found was moved, 3 when some retornos must wait for a next run, 2 on wrong arguments.
 */
public final class MigrateItems {

    private MigrateItems() {
    }

    public static void main(String[] args) {
        ItemMigration.Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException wrong) {
            System.err.println(wrong.getMessage());
            System.err.println("usage: MigrateItems [--dry-run] --tenant TENANT [--tenant TENANT]...");
            System.exit(2);
            return;
        }
        ItemMigration.Summary summary = Services.create(ServiceConfig.fromEnvironment(System.getenv()))
                .itemMigration().run(options);
        System.exit(summary.retryLater() > 0 ? 3 : 0);
    }

    static ItemMigration.Options parse(String[] args) {
        boolean dryRun = false;
        List<String> tenants = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--dry-run" -> dryRun = true;
                case "--tenant" -> {
                    if (i + 1 == args.length || !Tenants.isValidTenant(args[i + 1])) {
                        throw new IllegalArgumentException("--tenant needs a tenant id");
                    }
                    tenants.add(args[++i]);
                }
                default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
            }
        }
        return new ItemMigration.Options(dryRun, tenants);
    }
}
