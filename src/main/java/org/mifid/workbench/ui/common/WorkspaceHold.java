package org.mifid.workbench.ui.common;

import org.mifid.workbench.store.Workspace;

/**
 * A long task's claim on the workspace it works in (scoring): opening another workspace retires the previous one,
 * and it is closed when the last hold on it is released, so a running score finishes and stores its result instead
 * of failing on a closed file. Released by the task's worker when it ends, whatever the outcome.
 */
public final class WorkspaceHold implements AutoCloseable {
    private final Users users;
    private boolean released;

    private WorkspaceHold(Users users) {
        this.users = users;
    }

    public Workspace workspace() {
        return users.workspace;
    }

    @Override
    public void close() {
        synchronized (this) {
            if (released) {
                return;
            }
            released = true;
        }
        users.release();
    }

    /** Who still uses one workspace; it closes once retired and no longer held. */
    static final class Users {
        private final Workspace workspace;
        private int holds;
        private boolean retired;

        Users(Workspace workspace) {
            this.workspace = workspace;
        }

        Workspace workspace() {
            return workspace;
        }

        synchronized WorkspaceHold hold() {
            if (retired) {
                throw new IllegalStateException("workspace " + workspace + " is being closed");
            }
            holds++;
            return new WorkspaceHold(this);
        }

        void release() {
            boolean close;
            synchronized (this) {
                holds--;
                close = retired && holds == 0;
            }
            if (close) {
                workspace.close();
            }
        }

        /** No new holds; closes now, or when the last hold is released. */
        void retire() {
            boolean close;
            synchronized (this) {
                retired = true;
                close = holds == 0;
            }
            if (close) {
                workspace.close();
            }
        }
    }
}
