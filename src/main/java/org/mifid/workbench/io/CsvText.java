package org.mifid.workbench.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mifid.workbench.core.InvalidInputException;
import org.mifid.workbench.core.PrintableText;

/**
 * The text under every CSV the workbench reads (results, prompts, manifests), decoded one way: strict UTF-8, so a
 * file saved in Latin-1 is refused instead of read with replacement characters, and a leading byte order mark
 * dropped, so the first column keeps its name. Its errors name the file and, for bad bytes, the line.
 */
public final class CsvText {
    private static final int BOM = '\uFEFF';

    private CsvText() {
    }

    /** A strict UTF-8 reader of {@code file}, past its byte order mark if it has one. */
    public static Reader open(Path file) throws IOException {
        return open(Files.newInputStream(InputFile.requireRegular(file)));
    }

    /** The same over a stream the caller already wraps (a digest, a count); closing the reader closes it. */
    public static Reader open(InputStream in) throws IOException {
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, strict));
        try {
            reader.mark(1);
            if (reader.read() != BOM) {
                reader.reset();
            }
        } catch (CharacterCodingException e) {
            reader.close();
            throw e;
        }
        return reader;
    }

    /**
     * @throws InvalidInputException naming the first header name that appears twice (a CSV parser would otherwise
     *     keep one of them and then count the rows as one column too long)
     */
    public static void requireUniqueNames(List<String> header, String source) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            Integer first = seen.putIfAbsent(header.get(i), i + 1);
            if (first != null) {
                throw new InvalidInputException(source + ":1", "the header names column '"
                        + PrintableText.of(header.get(i)) + "' twice (columns " + first + " and " + (i + 1) + ")");
            }
        }
    }

    /**
     * What went wrong reading {@code file}, as one line: for bytes that are not UTF-8 the line and column of the
     * first one (found by decoding the file again, which costs nothing on the path that succeeds).
     */
    public static InvalidInputException unreadable(Path file, Throwable e) {
        return unreadable(file, 0, e);
    }

    /** The same where the parser knows the line it was reading ({@code line} > 0). */
    public static InvalidInputException unreadable(Path file, long line, Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CharacterCodingException) {
                return notUtf8(file, e);
            }
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.toString() : root.getMessage();
        return new InvalidInputException(line > 0 ? file + ":" + line : file.toString(),
                "unreadable CSV: " + PrintableText.of(message), e);
    }

    private static InvalidInputException notUtf8(Path file, Throwable cause) {
        long[] at;
        try {
            at = firstMalformed(file);
        } catch (IOException io) {
            return new InvalidInputException(file.toString(), "not UTF-8 text; save it as UTF-8", cause);
        }
        if (at == null) {
            return new InvalidInputException(file.toString(), "not UTF-8 text; save it as UTF-8", cause);
        }
        return new InvalidInputException(file + ":" + at[0], String.format(
                "not UTF-8 text (byte 0x%02X at column %d); save the file as UTF-8", at[2], at[1]), cause);
    }

    /** {line, byte column, byte} of the first byte that is not UTF-8, both counted from 1; null when there is none. */
    static long[] firstMalformed(Path file) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(1 << 16);
        CharBuffer out = CharBuffer.allocate(1 << 16);
        long line = 1;
        long lineStart = 0;
        long base = 0; // file offset of in's position 0
        try (InputStream stream = Files.newInputStream(file)) {
            boolean end = false;
            while (true) {
                int n = stream.read(in.array(), in.position(), in.remaining());
                if (n < 0) {
                    end = true;
                } else {
                    in.position(in.position() + n);
                }
                in.flip();
                int from = in.position();
                CoderResult result = decoder.decode(in, out, end);
                for (int i = from; i < in.position(); i++) {
                    if (in.get(i) == '\n') {
                        line++;
                        lineStart = base + i + 1;
                    }
                }
                if (result.isError()) {
                    long offset = base + in.position();
                    return new long[] {line, offset - lineStart + 1, in.get(in.position()) & 0xff};
                }
                out.clear();
                if (end) {
                    return null;
                }
                base += in.position();
                in.compact();
            }
        }
    }
}
