package org.mifid.workbench.ui;

import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.mifid.workbench.store.Workspace;
import org.mifid.workbench.ui.common.CurrentThreadTaskExecutor;
import org.mifid.workbench.ui.common.FxTaskExecutor;
import org.mifid.workbench.ui.common.TaskExecutor;
import org.mifid.workbench.ui.common.Theme;
import org.mifid.workbench.ui.common.UiSettings;
import org.mifid.workbench.ui.common.WorkbenchModel;
import org.mifid.workbench.scoring.ImageLookup;

/**
 * The real workbench view on a real generated workspace, with no coalescing delay. By default tasks run on the
 * calling (FX) thread, so every action has finished when the robot's events are processed; workflows where order
 * or threads matter pass the application's own {@link FxTaskExecutor} and wait for the outcome.
 */
public final class WorkbenchFixture {
    public final Path file;
    public final Workspace workspace;
    public final WorkbenchModel model;
    public final WorkbenchView view;
    private final ImageLookup images = new ImageLookup();

    public WorkbenchFixture(Stage stage, Path dir, int submissions, int zips) throws Exception {
        this(stage, dir, submissions, zips, new CurrentThreadTaskExecutor());
    }

    public WorkbenchFixture(Stage stage, Path dir, int submissions, int zips, TaskExecutor executor) throws Exception {
        this(stage, dir, TestWorkspaces.create(dir, submissions, zips), executor);
    }

    /** The view on an existing workspace file (of any kind), settings kept in {@code dir}. */
    public WorkbenchFixture(Stage stage, Path dir, Path file, TaskExecutor executor) throws Exception {
        this.file = file;
        UiSettings settings = new UiSettings(dir.resolve("ui.properties"));
        settings.put("reviewer", "tester");
        Theme.LIGHT.apply();
        model = new WorkbenchModel(executor, settings);
        view = new WorkbenchView(model, executor, images, Duration.ZERO, Theme.LIGHT);
        workspace = Workspace.open(file);
        model.open(workspace);
        stage.setScene(new Scene(view, 1400, 900));
        stage.show();
    }

    public void close() {
        workspace.close();
        images.close();
    }
}
