package org.mifid.workbench.prompts;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.mifid.workbench.core.InvalidInputException;
import org.mifid.workbench.core.PrintableText;

/**
 * The competition's submission format, {@code imgId_eId,val} with 384 rows per image, read as a byte stream
 * straight into an {@link EmbeddingTable}: a row makes no object (an image id becomes a String only when it
 * changes), plain decimals are parsed in place and anything else (exponents) by the JDK. Every problem is
 * refused with the file, the line number and what is wrong.
 */
public final class SubmissionCsv {
    public static final String HEADER = "imgId_eId,val";
    private static final int DIMENSION = EmbeddingTable.DIMENSION;
    private static final double[] POWERS = new double[23];

    static {
        POWERS[0] = 1;
        for (int i = 1; i < POWERS.length; i++) {
            POWERS[i] = POWERS[i - 1] * 10;
        }
    }

    private final Path file;
    private final Set<String> expected;
    private final Map<String, Integer> rows = new HashMap<>();
    private final List<String> ids = new ArrayList<>();
    private double[] values;
    private final BitSet filled = new BitSet();
    private byte[] lastId = new byte[0];
    private int lastRow = -1;

    private SubmissionCsv(Path file, Set<String> expected) {
        this.file = file;
        this.expected = expected;
        // the expected ids say how large the matrix will be: no copies while it grows
        this.values = new double[DIMENSION * (expected == null ? 1024 : Math.max(1, expected.size()))];
    }

    /**
     * @param expected the image ids the file must cover exactly, or null to take any
     */
    public static EmbeddingTable read(Path file, Set<String> expected) {
        return new SubmissionCsv(file, expected).read(true);
    }

    /**
     * The same without the SHA-256 of the file (the table's checksum is null), for callers that store nothing:
     * hashing costs a quarter of the reading, more in a fresh JVM.
     */
    public static EmbeddingTable readValues(Path file, Set<String> expected) {
        return new SubmissionCsv(file, expected).read(false);
    }

    private EmbeddingTable read(boolean checksum) {
        MessageDigest sha;
        try {
            sha = checksum ? MessageDigest.getInstance("SHA-256") : null;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = checksum ? new DigestInputStream(Files.newInputStream(file), sha)
                : Files.newInputStream(file)) {
            parse(in);
        } catch (IOException e) {
            throw new InvalidInputException(file.toString(), "cannot read: " + e.getMessage(), e);
        }
        if (ids.isEmpty()) {
            throw new InvalidInputException(file.toString(), "no rows after the header");
        }
        for (int r = 0; r < ids.size(); r++) {
            int missing = filled.nextClearBit(r * DIMENSION);
            if (missing < (r + 1) * DIMENSION) {
                throw new InvalidInputException(file.toString(), "image " + printable(ids.get(r))
                        + " has no row for eId " + (missing - r * DIMENSION));
            }
        }
        if (expected != null && ids.size() < expected.size()) {
            Set<String> absent = new TreeSet<>(expected);
            ids.forEach(absent::remove);
            throw new InvalidInputException(file.toString(), "missing image id " + printable(absent.iterator().next())
                    + (absent.size() > 1 ? " and " + (absent.size() - 1) + " more" : ""));
        }
        double[] table = values.length == ids.size() * DIMENSION ? values : Arrays.copyOf(values, ids.size() * DIMENSION);
        return new EmbeddingTable(ids, table, checksum ? HexFormat.of().formatHex(sha.digest()) : null);
    }

    /** Reads the lines where they lie in the read buffer; only a line cut by the buffer's end is moved. */
    private void parse(InputStream in) throws IOException {
        byte[] buffer = new byte[1 << 16];
        int held = 0;
        long number = 0;
        boolean header = true;
        while (true) {
            int n = in.read(buffer, held, buffer.length - held);
            if (n > 0) {
                held += n;
            }
            int from = 0;
            for (int i = 0; i < held; i++) {
                if (buffer[i] == '\n') {
                    header = line(buffer, from, i, ++number, header);
                    from = i + 1;
                }
            }
            if (n < 0) {
                if (held > from || number == 0) {
                    header = line(buffer, from, held, ++number, header);
                }
                break;
            }
            System.arraycopy(buffer, from, buffer, 0, held - from);
            held -= from;
            if (held == buffer.length) {
                if (held >= 1 << 20) {
                    throw new InvalidInputException(file + ":" + (number + 1), "line longer than 1 MiB");
                }
                buffer = Arrays.copyOf(buffer, buffer.length * 2);
            }
        }
        if (header) {
            throw new InvalidInputException(file.toString(), "empty file");
        }
    }

    /** Reads the line {@code b[from, to)}; returns whether the header is still to come. */
    private boolean line(byte[] b, int from, int to, long number, boolean header) {
        if (to > from && b[to - 1] == '\r') {
            to--;
        }
        if (header) {
            String text = text(b, from, to).replace("\uFEFF", "").strip();
            if (text.isEmpty() && number == 1 && to == from) {
                return true;
            }
            if (!text.equals(HEADER)) {
                throw new InvalidInputException(file + ":" + number, "header must be '" + HEADER + "', found '"
                        + printable(text) + "'");
            }
            return false;
        }
        int comma = -1;
        boolean blank = true;
        for (int i = from; i < to; i++) {
            byte c = b[i];
            if (c == ',') {
                comma = i;
                break;
            }
            blank &= c == ' ' || c == '\t';
        }
        if (comma < 0) {
            if (blank) {
                return false;
            }
            throw new InvalidInputException(file + ":" + number, "expected two fields 'imgId_eId,val'");
        }
        int underscore = -1;
        for (int i = comma - 1; i >= from; i--) {
            if (b[i] == '_') {
                underscore = i;
                break;
            }
        }
        if (underscore <= from) {
            throw new InvalidInputException(file + ":" + number, "'" + printable(text(b, from, comma))
                    + "' is not imgId_eId");
        }
        int eId = 0;
        for (int i = underscore + 1; i < comma; i++) {
            int digit = b[i] - '0';
            if (digit < 0 || digit > 9 || eId > DIMENSION) {
                if (digit >= 0 && digit <= 9) {
                    eId = Integer.MAX_VALUE;
                    break;
                }
                throw new InvalidInputException(file + ":" + number, "eId '" + printable(text(b, underscore + 1,
                        comma)) + "' is not a whole number");
            }
            eId = eId * 10 + digit;
        }
        if (underscore + 1 == comma) {
            throw new InvalidInputException(file + ":" + number, "eId missing in '" + printable(text(b, from, comma))
                    + "'");
        }
        if (eId >= DIMENSION) {
            throw new InvalidInputException(file + ":" + number, "eId " + text(b, underscore + 1, comma)
                    + " out of range 0.." + (DIMENSION - 1));
        }
        int row = row(b, from, underscore, number);
        double value = value(b, comma + 1, to, number);
        int at = row * DIMENSION + eId;
        if (filled.get(at)) {
            throw new InvalidInputException(file + ":" + number, "duplicate row for image " + printable(ids.get(row))
                    + ", eId " + eId);
        }
        filled.set(at);
        values[at] = value;
        return false;
    }

    /** The matrix row of the line's image id; a new String only when the id differs from the previous line's. */
    private int row(byte[] b, int from, int idEnd, long number) {
        if (lastRow >= 0 && Arrays.equals(b, from, idEnd, lastId, 0, lastId.length)) {
            return lastRow;
        }
        String id = new String(b, from, idEnd - from, StandardCharsets.UTF_8).strip();
        Integer row = rows.get(id);
        if (row == null) {
            if (expected != null && !expected.contains(id)) {
                throw new InvalidInputException(file + ":" + number, "unknown image id '" + printable(id) + "'");
            }
            row = ids.size();
            ids.add(id);
            rows.put(id, row);
            if (values.length < (row + 1) * DIMENSION) {
                values = Arrays.copyOf(values, values.length * 2);
            }
        }
        lastId = Arrays.copyOfRange(b, from, idEnd);
        lastRow = row;
        return row;
    }

    /** A plain decimal ({@code -0.0123}) exactly as the JDK would read it, or the JDK's own reading otherwise. */
    private double value(byte[] line, int from, int to, long number) {
        while (from < to && (line[from] == ' ' || line[from] == '\t')) {
            from++;
        }
        while (to > from && (line[to - 1] == ' ' || line[to - 1] == '\t')) {
            to--;
        }
        int i = from;
        boolean negative = false;
        if (i < to && (line[i] == '-' || line[i] == '+')) {
            negative = line[i] == '-';
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int fraction = 0;
        boolean point = false;
        boolean plain = i < to;
        for (; i < to; i++) {
            byte b = line[i];
            if (b == '.' && !point) {
                point = true;
            } else if (b >= '0' && b <= '9') {
                if (mantissa != 0 || b != '0') {
                    digits++;
                }
                mantissa = mantissa * 10 + (b - '0');
                fraction += point ? 1 : 0;
            } else {
                plain = false;
                break;
            }
        }
        // below 2^53 and 10^22 both numbers are exact doubles, so one division is the correctly rounded result
        if (plain && digits <= 15 && fraction < POWERS.length && to - from > (negative ? 1 : 0)) {
            double v = mantissa / POWERS[fraction];
            return negative ? -v : v;
        }
        String text = text(line, from, to);
        if (text.indexOf(',') >= 0) {
            throw new InvalidInputException(file + ":" + number, "expected two fields 'imgId_eId,val'");
        }
        double v;
        try {
            v = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(file + ":" + number, "value '" + printable(text) + "' is not a number");
        }
        if (!Double.isFinite(v) || text.endsWith("d") || text.endsWith("D") || text.endsWith("f")
                || text.endsWith("F")) {
            throw new InvalidInputException(file + ":" + number, "value '" + printable(text) + "' is not "
                    + (Double.isFinite(v) ? "a number" : "finite"));
        }
        return v;
    }

    private static String text(byte[] line, int from, int to) {
        return new String(line, from, to - from, StandardCharsets.UTF_8);
    }

    private static String printable(String text) {
        return PrintableText.shorten(PrintableText.escape(text), 60);
    }
}
