package dev.privileges.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest (Implementation-Version), "development" when run from classes. */
final class Version implements IVersionProvider {

  @Override
  public String[] getVersion() {
    String v = PrivilegesCli.class.getPackage().getImplementationVersion();
    return new String[] {"privileges " + (v == null ? "development" : v)};
  }
}
