package org.d8a.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The collection endpoints live at the root, where trackers expect them ({@code /g/collect}, {@code /healthz}). */
@ApplicationPath("/")
public class ReceiverApplication extends Application {
}
