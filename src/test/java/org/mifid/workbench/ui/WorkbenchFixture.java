package org.mifid.workbench.ui;

import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.mifid.workbench.store.Workspace;
import org.mifid.workbench.ui.common.CurrentThreadTaskExecutor;
import org.mifid.workbench.ui.common.Theme;
import org.mifid.workbench.ui.common.UiSettings;
import org.mifid.workbench.ui.common.WorkbenchModel;
import org.mifid.workbench.scoring.ImageLookup;

/**
 * The real workbench view on a real generated workspace, with tasks run on the calling (FX) thread and no
 * coalescing delay so every action has finished when the robot's events are processed.
 */
final class WorkbenchFixture {
    final Path file;
    final Workspace workspace;
    final WorkbenchModel model;
    final WorkbenchView view;
    private final ImageLookup images = new ImageLookup();

    WorkbenchFixture(Stage stage, Path dir, int submissions, int zips) throws Exception {
        file = TestWorkspaces.create(dir, submissions, zips);
        UiSettings settings = new UiSettings(dir.resolve("ui.properties"));
        settings.put("reviewer", "tester");
        Theme.LIGHT.apply();
        CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
        model = new WorkbenchModel(executor, settings);
        view = new WorkbenchView(model, executor, images, Duration.ZERO, Theme.LIGHT);
        workspace = Workspace.open(file);
        model.open(workspace);
        stage.setScene(new Scene(view, 1400, 900));
        stage.show();
    }

    void close() {
        workspace.close();
        images.close();
    }
}
