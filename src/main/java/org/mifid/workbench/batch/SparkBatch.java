package org.mifid.workbench.batch;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.SparkSession;
import org.mifid.workbench.core.ProgressMonitor;

/**
 * Starts Spark for the batch job and runs it: the only entry point, so that callers never name a Spark type and the
 * desktop never loads Spark. Spark is provided by the cluster (spark-submit) or, for local mode, by
 * target/spark-lib on the class path; {@link #available()} tells which.
 */
public final class SparkBatch {
    private static final Pattern LOCAL = Pattern.compile("local(?:\\[(\\d+|\\*)(?:,\\d+)?])?");

    private SparkBatch() {
    }

    /** Whether Spark is on the class path. */
    public static boolean available() {
        try {
            Class.forName("org.apache.spark.sql.SparkSession", false, SparkBatch.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * The PyTorch threads each task may use: DJL reads them once per process, so in local mode (one process, N
     * task slots) the machine's cores are shared between the slots; on a cluster spark.executor.extraJavaOptions
     * sets them per executor.
     */
    static int threadsPerLocalTask(String master, int cores) {
        Matcher m = LOCAL.matcher(master);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a local master: " + master);
        }
        int slots = m.group(1) == null ? 1 : m.group(1).equals("*") ? cores : Integer.parseInt(m.group(1));
        return Math.max(1, cores / Math.max(1, slots));
    }

    static boolean isLocal(String master) {
        return master != null && LOCAL.matcher(master).matches();
    }

    /**
     * Runs the job. {@code master} null takes the one spark-submit configured. A session already running in this
     * process (spark-submit's, or a test's) is used and left running; one started here is stopped.
     */
    public static BatchJob.Summary run(String master, List<Manifest.Entry> manifest, Path train, Path heldOut,
            BatchSettings settings, Path out, ProgressMonitor monitor) {
        SparkSession.Builder builder = builder(master);
        boolean running = SparkSession.getDefaultSession().isDefined();
        SparkSession spark = builder.getOrCreate();
        try {
            return new BatchJob(spark).run(manifest, train, heldOut, settings, out, monitor);
        } finally {
            if (!running) {
                spark.stop();
            }
        }
    }

    /** The session for {@code master} (null: spark-submit's), configured for local mode when it is local. */
    public static SparkSession.Builder builder(String master) {
        // Spark, Hadoop and Parquet log every step at INFO: warnings only, unless the user asked for more
        for (String logger : new String[] {"org.apache", "org.sparkproject"}) {
            String key = "org.slf4j.simpleLogger.log." + logger;
            System.setProperty(key, System.getProperty(key, "warn"));
        }
        SparkSession.Builder builder = SparkSession.builder().appName("mifid-workbench batch");
        if (master != null) {
            builder.master(master);
        }
        if (isLocal(master)) {
            String threads = Integer.toString(threadsPerLocalTask(master, Runtime.getRuntime().availableProcessors()));
            // before DJL starts its engine in this process
            System.setProperty("ai.djl.pytorch.num_threads", System.getProperty("ai.djl.pytorch.num_threads", threads));
            System.setProperty("ai.djl.pytorch.num_interop_threads",
                    System.getProperty("ai.djl.pytorch.num_interop_threads", threads));
            // a local job talks to itself: the loop-back address, no web UI, few shuffle partitions
            builder.config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "2");
        }
        return builder;
    }
}
