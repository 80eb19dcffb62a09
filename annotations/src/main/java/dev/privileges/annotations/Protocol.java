package dev.privileges.annotations;

/** Transport protocol of a port ({@code ports[].protocol}). */
public enum Protocol {
  TCP,
  UDP,
  SCTP
}
