package org.mifid.workbench.ui.inspector;

import org.mifid.workbench.store.ReferenceSet;
import org.mifid.workbench.store.Submission;

/** Where the inspector reads the encoded bytes of the images it shows. Called off the FX thread. */
public interface ImageSource {

    /** Image {@code name} of a submission's archive. */
    byte[] submissionImage(Submission submission, String name) throws Exception;

    /** Image {@code name} of a reference (training) set. */
    byte[] referenceImage(ReferenceSet set, String name) throws Exception;
}
