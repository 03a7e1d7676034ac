package org.nix4j.server.ide.assists;

import java.util.List;

/** Every code action, quick fixes first. */
public final class Assists {
  private Assists() {}

  public static final List<Assist> ALL = List.of(
      // Quick fixes of diagnostics.
      new UseSuggestedName(),
      new AddMissingSemicolon(),
      new RemoveUnusedBinding(),
      new RemoveUnusedWith(),
      new RemoveUnneededRec(),
      new QuoteUrlLiteral(),
      new ConvertLegacyLet(),
      // Refactorings.
      new InheritToBinding(),
      new BindingToInherit(),
      new PackAttrs(),
      new FlattenAttrs(),
      new AddRec(),
      new RemoveRec(),
      new QuoteAttr(),
      new UnquoteAttr(),
      new WithToInherit(),
      new ExtractToLet(),
      new InlineBinding(),
      new StringToIndented(),
      new IndentedToString(),
      new RemoveParens());
}
