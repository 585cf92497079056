package org.mifid.workbench.ui.common;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;

/** The two looks of the workbench, both AtlantaFX Primer so every control is styled the same way. */
public enum Theme {
    LIGHT(new PrimerLight().getUserAgentStylesheet()),
    DARK(new PrimerDark().getUserAgentStylesheet());

    private final String stylesheet;

    Theme(String stylesheet) {
        this.stylesheet = stylesheet;
    }

    public void apply() {
        Application.setUserAgentStylesheet(stylesheet);
    }

    public Theme other() {
        return this == LIGHT ? DARK : LIGHT;
    }

    public static Theme parse(String text) {
        return "dark".equalsIgnoreCase(text) ? DARK : LIGHT;
    }
}
