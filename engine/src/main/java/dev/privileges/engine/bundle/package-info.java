/**
 * Stage 1, reading the bundle: collector metadata from jars, class folders and hand-written files ({@link dev.privileges.engine.bundle.BundleReader}), the enabled collectors, and the waivers applied before resolution.
 */
package dev.privileges.engine.bundle;
