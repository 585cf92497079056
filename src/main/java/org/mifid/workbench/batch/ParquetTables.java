package org.mifid.workbench.batch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.mifid.workbench.core.Measure;
import org.mifid.workbench.engine.Neighbours;
import org.mifid.workbench.io.BatchFolder;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The job's figures and neighbours as Parquet, for the cluster's own tools: {@code results.parquet} (one row per
 * manifest row, every figure the desktop stores, a column per copying measure) and {@code neighbours.parquet} (one row per generated image of
 * each scored archive: its k nearest training indices and distances), the latter built on the executors.
 */
final class ParquetTables {
    private static final StructType RESULTS = withMeasures(new StructType()
            .add("submission_id", DataTypes.StringType, false)
            .add("team", DataTypes.StringType, false)
            .add("archive", DataTypes.StringType, false)
            .add("checksum", DataTypes.StringType, true)
            .add("images", DataTypes.IntegerType, false)
            .add("fid", DataTypes.DoubleType, true)
            .add("distance", DataTypes.DoubleType, true)
            .add("distance_thresholded", DataTypes.DoubleType, true)
            .add("mifid", DataTypes.DoubleType, true)
            .add("rank_deficient", DataTypes.BooleanType, false)
            .add("n_train", DataTypes.IntegerType, false)
            .add("dim", DataTypes.IntegerType, false)
            .add("millis", DataTypes.LongType, false)
            .add("error", DataTypes.StringType, true));

    private static final StructType NEIGHBOURS = new StructType()
            .add("archive", DataTypes.StringType, false)
            .add("image", DataTypes.IntegerType, false)
            .add("image_name", DataTypes.StringType, false)
            .add("neighbour_indices", DataTypes.createArrayType(DataTypes.IntegerType, false), false)
            .add("neighbour_distances", DataTypes.createArrayType(DataTypes.FloatType, false), false);

    private final SparkSession spark;

    /** A nullable double column per copying measure id, in {@link Measure} order. */
    private static StructType withMeasures(StructType figures) {
        StructType out = figures;
        for (Measure m : Measure.values()) {
            out = out.add(m.id(), DataTypes.DoubleType, true);
        }
        return out;
    }

    ParquetTables(SparkSession spark) {
        this.spark = spark;
    }

    void write(BatchFolder folder, List<ResultsTable.Row> rows) {
        List<Row> results = new ArrayList<>(rows.size());
        Set<String> scored = new LinkedHashSet<>();
        for (ResultsTable.Row r : rows) {
            BatchFolder.ArchiveResult a = r.result();
            List<Object> cells = new ArrayList<>(List.of(r.entry().submissionId(), r.entry().team(), a.archive()));
            cells.add(a.checksum());
            cells.addAll(Arrays.asList(a.imageNames().size(), nullable(a.fid()), nullable(a.distance()),
                    nullable(a.distanceThresholded()), nullable(a.mifid()), a.rankDeficient(), a.nTrain(), a.dim(),
                    a.millis(), a.error()));
            for (Measure m : Measure.values()) {
                cells.add(a.measures() == null ? null : a.measures().value(m));
            }
            results.add(RowFactory.create(cells.toArray()));
            if (a.scored()) {
                scored.add(a.archive());
            }
        }
        spark.createDataFrame(results, RESULTS).coalesce(1).write().mode(SaveMode.Overwrite)
                .parquet(folder.resultsParquet().toUri().toString());
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        int slices = Math.max(1, Math.min(scored.size(), jsc.defaultParallelism()));
        JavaRDD<Row> neighbours = jsc.parallelize(new ArrayList<>(scored), slices)
                .flatMap(new NeighbourRows(folder.dir()));
        spark.createDataFrame(neighbours, NEIGHBOURS).write().mode(SaveMode.Overwrite)
                .parquet(folder.neighboursParquet().toUri().toString());
    }

    private static Double nullable(double value) {
        return Double.isNaN(value) ? null : value;
    }

    /** One archive's images with their neighbours, read from the job's folder on the executor. */
    private static final class NeighbourRows implements FlatMapFunction<String, Row> {
        private static final long serialVersionUID = 1L;
        private final String dir;

        NeighbourRows(Path dir) {
            this.dir = dir.toString();
        }

        @Override
        public Iterator<Row> call(String archive) {
            BatchFolder folder = new BatchFolder(Path.of(dir));
            String key = BatchFolder.key(archive);
            List<String> names = folder.result(key).orElseThrow().imageNames();
            Neighbours n = folder.neighbours(key);
            List<Row> rows = new ArrayList<>(n.size());
            for (int i = 0; i < n.size(); i++) {
                List<Integer> indices = new ArrayList<>(n.k());
                List<Float> distances = new ArrayList<>(n.k());
                for (int j = 0; j < n.k(); j++) {
                    indices.add(n.index(i, j));
                    distances.add(n.distance(i, j));
                }
                // a Row's arrays are Scala sequences
                rows.add(RowFactory.create(archive, i, names.get(i), CollectionConverters.asScala(indices).toSeq(),
                        CollectionConverters.asScala(distances).toSeq()));
            }
            return rows.iterator();
        }
    }
}
