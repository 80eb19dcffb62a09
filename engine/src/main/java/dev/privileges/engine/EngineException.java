package dev.privileges.engine;

/**
 * A user mistake found by the engine: bad configuration, conflicting declarations, unreadable
 * metadata. The message names where (option, collector, file), the bad value and the fix; front
 * ends show it without a stack trace, with options written in their own syntax
 * ({@link #message(Option.Syntax)}). {@link #getMessage()} uses the engine's neutral words.
 */
public class EngineException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String template;

  /** @param message the text; options appear as {@link Option#ref()} (concatenating an {@link Option} does that) */
  public EngineException(String message) {
    this(message, null);
  }

  public EngineException(String message, Throwable cause) {
    super(Option.Syntax.NEUTRAL.render(message), cause);
    this.template = message;
  }

  /** The message with every option written as {@code syntax} writes it. */
  public String message(Option.Syntax syntax) {
    return syntax.render(template);
  }
}
