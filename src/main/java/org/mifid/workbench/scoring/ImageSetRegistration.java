package org.mifid.workbench.scoring;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mifid.workbench.core.InvalidInputException;
import org.mifid.workbench.core.LeaderboardPreset;
import org.mifid.workbench.core.ProgressMonitor;
import org.mifid.workbench.imaging.ImageSets;
import org.mifid.workbench.imaging.InMemoryImageSet;
import org.mifid.workbench.imaging.ValidationProfile;
import org.mifid.workbench.store.ReferenceSet;
import org.mifid.workbench.store.Workspace;

/**
 * Registers a folder or zip of real images with a workspace's leaderboards, as the training set they score against
 * or as the held-out real set the data-copying test compares with. The set is read once (validated leniently, as
 * scoring reads it), identified by its checksum, and stored once however many boards use it.
 */
public final class ImageSetRegistration {
    private final Workspace workspace;

    public ImageSetRegistration(Workspace workspace) {
        this.workspace = workspace;
    }

    /** Makes the images at {@code location} the training set of each of {@code boards}. */
    public ReferenceSet training(String name, Path location, List<LeaderboardPreset> boards, ProgressMonitor monitor) {
        ReferenceSet set = register(name, location, null, monitor);
        boards.forEach(b -> workspace.assignReferenceSet(b, set.id()));
        return set;
    }

    /** Makes the images at {@code location} the held-out real set of each of {@code boards}. */
    public ReferenceSet heldOut(String name, Path location, List<LeaderboardPreset> boards, ProgressMonitor monitor) {
        return heldOut(name, location, boards, null, monitor);
    }

    /** As above, refused before anything is stored unless the images have {@code expectedChecksum} (null: any). */
    public ReferenceSet heldOut(String name, Path location, List<LeaderboardPreset> boards, String expectedChecksum,
                                ProgressMonitor monitor) {
        ReferenceSet set = register(name, location, expectedChecksum, monitor);
        for (LeaderboardPreset b : boards) {
            if (workspace.leaderboardReferenceSet(b).map(t -> t.id() == set.id()).orElse(false)) {
                throw new InvalidInputException(location.toString(), "holds the same images as the " + b.id()
                        + " leaderboard's training set; a held-out set must be real images kept out of training");
            }
            workspace.assignHeldOutSet(b, set.id());
        }
        return set;
    }

    private ReferenceSet register(String name, Path location, String expectedChecksum, ProgressMonitor monitor) {
        try (InMemoryImageSet images = ImageSets.open(location, ValidationProfile.LENIENT, monitor)) {
            if (expectedChecksum != null && !expectedChecksum.equals(images.checksum())) {
                throw new InvalidInputException(location.toString(), "changed since it was measured (checksum"
                        + " differs)");
            }
            return workspace.referenceSetByChecksum(images.checksum()).orElseGet(() -> {
                List<String> names = new ArrayList<>(images.size());
                for (int i = 0; i < images.size(); i++) {
                    names.add(images.name(i));
                }
                ReferenceSet fresh = new ReferenceSet(0, name, location.toAbsolutePath().toString(),
                        images.checksum(), images.size());
                return workspace.referenceSet(workspace.addReferenceSet(fresh, names)).orElseThrow();
            });
        }
    }
}
