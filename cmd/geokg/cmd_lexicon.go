package main

import (
	"fmt"
	"io"

	"github.com/spf13/cobra"
)

func newLexiconCommand(g *globalOptions) *cobra.Command {
	return &cobra.Command{
		Use:   "lexicon",
		Short: "Print the lexicon the extractor uses",
		Long: `Lexicon prints the words the extractor reads relations with: each
relation's trigger verbs and nouns with their frames (the prepositions of
the object, buyer-side frames, what needs supplied goods) and the word
classes of negation, modality, goods, titles and clause structure. It is
the built-in lexicon with --lexicon merged over it, in the lexicon file
format (docs/extraction.md), each part under a comment naming its file;
it needs no store, and its output can be read back with --lexicon.`,
		Example: `  geokg lexicon | grep '^verb supplies'
  printf 'verb supplies airlift goods\n' > more.txt
  geokg --lexicon more.txt extract article.txt`,
		Args: usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runLexicon(g, cmd.OutOrStdout())
		},
	}
}

func runLexicon(g *globalOptions, stdout io.Writer) error {
	l, err := g.lexicon()
	if err != nil {
		return err
	}
	if _, err := l.WriteTo(stdout); err != nil {
		return fmt.Errorf("write lexicon: %w", err)
	}
	return nil
}
