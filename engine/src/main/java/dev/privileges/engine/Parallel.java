package dev.privileges.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The engine's only concurrency: independent pieces of one generation (reading the jars, rendering
 * the outputs of one decided grant) run on the cores a build machine has, so a Maven or CLI run
 * waits for the longest piece rather than for their sum. Results keep their input order and a
 * failure is the one a sequential run would have met first, so output and error messages stay the
 * same whatever the scheduling.
 *
 * <p>Plain short-lived daemon threads rather than a shared pool: nothing outlives the call, the
 * build tool's own pools are left alone, and a new thread inherits the caller's context class
 * loader (a Maven plugin realm), as the work itself would see it on the caller's thread.
 */
public final class Parallel {

  /** At most this many threads work on one call, the caller's included. */
  private static final int MAX_THREADS = 4;

  private Parallel() {}

  /** Threads a call may use on this machine, the caller's included. */
  static int threads() {
    return Math.max(1, Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors()));
  }

  /**
   * {@code work} applied to every item, in parallel, results in the items' order. When items fail,
   * the failure of the first failing item (in order) is thrown, as a loop would have thrown it.
   */
  public static <T, R> List<R> map(List<T> items, Function<? super T, ? extends R> work) {
    int extra = Math.min(threads(), items.size()) - 1;
    if (extra <= 0) {
      List<R> out = new ArrayList<>(items.size());
      for (T i : items) {
        out.add(work.apply(i));
      }
      return out;
    }
    Worker<T, R> worker = new Worker<>(items, work);
    List<Thread> helpers = new ArrayList<>(extra);
    for (int t = 0; t < extra; t++) {
      helpers.add(start(worker));
    }
    worker.run();
    for (Thread helper : helpers) {
      joinUninterruptibly(helper);
    }
    Object[] results = worker.results;
    for (Throwable f : worker.failures) {
      if (f != null) {
        throw rethrow(f);
      }
    }
    @SuppressWarnings("unchecked")
    List<R> out = (List<R>) Arrays.asList(results);
    return out;
  }

  /**
   * Takes the next item until none is left, on each thread of a {@link #map}. A class rather than
   * a lambda, as are the other pieces of this class: a fresh JVM (the first build of every Maven
   * run) spins a class at run time for each lambda it meets.
   */
  private static final class Worker<T, R> implements Runnable {
    private final List<T> items;
    private final Function<? super T, ? extends R> work;
    final Object[] results;
    final Throwable[] failures;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger firstFailure = new AtomicInteger(Integer.MAX_VALUE);

    Worker(List<T> items, Function<? super T, ? extends R> work) {
      this.items = items;
      this.work = work;
      this.results = new Object[items.size()];
      this.failures = new Throwable[items.size()];
    }

    @Override
    public void run() {
      for (int i = next.getAndIncrement(); i < items.size(); i = next.getAndIncrement()) {
        if (i > firstFailure.get()) {
          return; // a loop would have stopped before this item
        }
        try {
          results[i] = work.apply(items.get(i));
        } catch (RuntimeException | Error e) {
          failures[i] = e;
          int first = firstFailure.get();
          while (i < first && !firstFailure.compareAndSet(first, i)) {
            first = firstFailure.get();
          }
        }
      }
    }
  }

  /** A piece of work started on its own thread, whose result the caller takes later. */
  public static final class Forked<T> {
    private final Thread thread;
    private T result;
    private Throwable failure;

    private Forked(Supplier<? extends T> work, boolean ownThread) {
      Runnable run = new Runnable() {
        @Override
        public void run() {
          try {
            result = work.get();
          } catch (RuntimeException | Error e) {
            failure = e;
          }
        }
      };
      if (ownThread) {
        thread = start(run);
      } else {
        thread = null;
        run.run();
      }
    }

    /** Waits for the work; its result, or its failure thrown as it was. */
    public T join() {
      if (thread != null) {
        joinUninterruptibly(thread);
      }
      if (failure != null) {
        throw rethrow(failure);
      }
      return result;
    }
  }

  /** Starts {@code work} on a second thread when the machine has a second core, else runs it now. */
  public static <T> Forked<T> fork(Supplier<? extends T> work) {
    return new Forked<>(work, threads() > 1);
  }

  private static Thread start(Runnable work) {
    Thread t = new Thread(work, "privileges-engine-worker");
    t.setDaemon(true);
    t.start();
    return t;
  }

  private static void joinUninterruptibly(Thread t) {
    boolean interrupted = false;
    while (true) {
      try {
        t.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true; // the work is short and writes nothing: finish it, then pass the flag on
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private static RuntimeException rethrow(Throwable t) {
    if (t instanceof Error e) {
      throw e;
    }
    return (RuntimeException) t;
  }
}
