package org.mifid.workbench.imaging;

import org.mifid.workbench.engine.InvalidInputException;

/** An archive or folder that failed validation; nothing was read from it. Carries the per-entry report. */
public class InvalidArchiveException extends InvalidInputException {
    private final transient ValidationReport report;

    InvalidArchiveException(String source, ValidationReport report) {
        super(source, report.summary());
        this.report = report;
    }

    public ValidationReport report() {
        return report;
    }
}
