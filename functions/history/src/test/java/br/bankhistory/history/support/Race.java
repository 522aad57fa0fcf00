package br.bankhistory.history.support;

import br.bankhistory.history.Services;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.IntFunction;

/**
 * Runs the same call from many threads at once, as separate Lambda sandboxes would: each thread gets its own
 * wiring (its own {@link Services}, clients and all) over the same table and bucket, and all of them start
 * together behind a barrier, so the calls really overlap.
 */
public final class Race {

    private Race() {
    }

    /**
     * @param call what each contender does with its own wiring, given its index; answers what it saw
     * @return each contender's answer, in index order
     */
    public static <T> List<T> run(HistoryEnvironment environment, Services storage, int contenders,
                                  BiFunction<Services, Integer, T> call) throws Exception {
        List<Services> wirings = new ArrayList<>();
        for (int i = 0; i < contenders; i++) {
            wirings.add(environment.sameStorage(storage));
        }
        return together(contenders, index -> call.apply(wirings.get(index), index));
    }

    /**
     * Runs {@code call} from {@code contenders} threads that all start together behind a barrier; what each
     * contender uses is built before the race and found by its index.
     *
     * @return each contender's answer, in index order
     */
    public static <T> List<T> together(int contenders, IntFunction<T> call) throws Exception {
        CyclicBarrier start = new CyclicBarrier(contenders);
        ExecutorService pool = Executors.newFixedThreadPool(contenders);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < contenders; i++) {
                int index = i;
                Callable<T> task = () -> {
                    start.await(30, TimeUnit.SECONDS);
                    return call.apply(index);
                };
                futures.add(pool.submit(task));
            }
            List<T> answers = new ArrayList<>();
            for (Future<T> future : futures) {
                answers.add(future.get(120, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
