package org.mifid.workbench.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The workbench window. */
public class WorkbenchApp extends Application {

    public static void launchApp(String[] args) {
        Application.launch(WorkbenchApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle("MiFID Workbench");
        stage.setScene(new Scene(new Label("MiFID Workbench"), 800, 600));
        stage.show();
    }
}
