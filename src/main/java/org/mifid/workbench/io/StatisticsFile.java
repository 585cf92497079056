package org.mifid.workbench.io;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mifid.workbench.core.InvalidInputException;
import org.mifid.workbench.engine.FeatureChecks;
import org.mifid.workbench.engine.GaussianStatistics;

/** Gaussian statistics as pytorch-fid stores them: an .npz with float64 {@code mu} (d) and {@code sigma} (d x d). */
public final class StatisticsFile {

    private StatisticsFile() {
    }

    /** Reads pytorch-fid style statistics: an .npz with {@code mu} (d) and {@code sigma} (d x d). */
    public static GaussianStatistics read(Path npz) {
        Map<String, NpyArray> arrays = NpzFile.read(npz, "mu", "sigma");
        NpyArray mu = arrays.get("mu");
        NpyArray sigma = arrays.get("sigma");
        int[] ms = mu.shape();
        int[] ss = sigma.shape();
        if (ms.length != 1 || ss.length != 2 || ss[0] != ms[0] || ss[1] != ms[0]) {
            throw new InvalidInputException(npz.toString(), "mu " + java.util.Arrays.toString(ms) + " and sigma "
                    + java.util.Arrays.toString(ss) + " are not a d-vector and a d x d matrix");
        }
        GaussianStatistics s = new GaussianStatistics(mu.toDoubles(), sigma.toDoubles(), 0);
        FeatureChecks.requireFinite(s.mean(), npz + " (mu)");
        FeatureChecks.requireFinite(s.covariance(), npz + " (sigma)");
        FeatureChecks.requireCovariance(s, npz + " (sigma)");
        return s;
    }

    /** Writes the statistics as an .npz with float64 {@code mu} and {@code sigma}, readable by pytorch-fid. */
    public static void write(GaussianStatistics statistics, Path npz) {
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        arrays.put("mu", NpyArray.of(statistics.mean(), statistics.dim()));
        arrays.put("sigma", NpyArray.of(statistics.covariance(), statistics.dim(), statistics.dim()));
        NpzFile.write(npz, arrays);
    }
}
