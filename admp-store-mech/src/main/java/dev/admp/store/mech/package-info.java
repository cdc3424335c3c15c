/**
 * The {@code mech} storage backend: a {@code Store} over the Mech document API that keeps every
 * verb at one round trip by holding the app's inbox index in the hub, which owns the app.
 */
package dev.admp.store.mech;
