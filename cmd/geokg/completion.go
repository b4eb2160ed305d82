package main

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"geokg/graph"
	"geokg/store"
)

func newCompletionCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "completion bash|zsh|fish|powershell",
		Short: "Print the shell completion script",
		Long: `Completion prints a script that makes your shell complete geokg's commands
and flags, and the actor names in the store for "geokg actor", "geokg path",
"geokg timeline" and --actor (using --db or GEOKG_DB when given).

To load it in every new shell:
  bash        geokg completion bash > ~/.local/share/bash-completion/completions/geokg
  zsh         geokg completion zsh > "${fpath[1]}/_geokg"   (with compinit enabled)
  fish        geokg completion fish > ~/.config/fish/completions/geokg.fish
  powershell  geokg completion powershell | Out-String | Invoke-Expression
              (add that line to your $PROFILE)`,
		Example: `  source <(geokg completion bash)
  geokg completion zsh > "${fpath[1]}/_geokg"
  geokg completion fish | source`,
		ValidArgs: []string{"bash", "zsh", "fish", "powershell"},
		Args:      usageArgs(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runCompletion(cmd.Root(), args[0], cmd)
		},
	}
}

func runCompletion(root *cobra.Command, shell string, cmd *cobra.Command) error {
	out := cmd.OutOrStdout()
	switch shell {
	case "bash":
		return root.GenBashCompletionV2(out, true)
	case "zsh":
		return root.GenZshCompletion(out)
	case "fish":
		return root.GenFishCompletion(out, true)
	case "powershell":
		return root.GenPowerShellCompletionWithDesc(out)
	}
	return usagef(cmd.CommandPath(), "shell %q: want bash, zsh, fish or powershell", shell)
}

// maxCompletions caps the actor names offered at once.
const maxCompletions = 200

// completeActorArgs returns a completion function for commands whose first
// n arguments are actor names (actor: 1; path and timeline: 2). Commands
// that take actor names can use it as their ValidArgsFunction.
func completeActorArgs(g *globalOptions, n int) cobra.CompletionFunc {
	return func(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		if len(args) >= n {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		return actorCompletions(g, cmd, toComplete), cobra.ShellCompDirectiveNoFileComp
	}
}

// completeActorFlag completes the value of an --actor flag.
func completeActorFlag(g *globalOptions) cobra.CompletionFunc {
	return func(cmd *cobra.Command, _ []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		return actorCompletions(g, cmd, toComplete), cobra.ShellCompDirectiveNoFileComp
	}
}

// actorCompletions lists the ids and names of the actors in the store that
// start with prefix (ignoring case), most connected first, each with a
// description. It opens the store read-only, and offers nothing when that
// fails (no store yet, or an ingest holds it): completion never writes.
func actorCompletions(g *globalOptions, cmd *cobra.Command, prefix string) []cobra.Completion {
	dir, err := g.storeDir()
	if err != nil {
		return nil
	}
	s, err := store.Open(dir, store.Options{ReadOnly: true})
	if err != nil {
		return nil
	}
	defer s.Close()
	type match struct {
		value, desc string
		degree      int
	}
	var found []match
	p := strings.ToLower(prefix)
	err = s.Actors(cmd.Context(), func(a graph.Actor, degree int) error {
		desc := fmt.Sprintf("%s, %s", a.Type, plural(degree, "relation"))
		if strings.HasPrefix(strings.ToLower(string(a.ID)), p) {
			found = append(found, match{string(a.ID), a.Name + " (" + desc + ")", degree})
		}
		if a.Name != "" && a.Name != string(a.ID) && strings.HasPrefix(strings.ToLower(a.Name), p) {
			found = append(found, match{a.Name, string(a.ID) + " (" + desc + ")", degree})
		}
		return nil
	})
	if err != nil {
		return nil
	}
	slices.SortStableFunc(found, func(a, b match) int {
		return cmp.Or(b.degree-a.degree, strings.Compare(a.value, b.value))
	})
	out := make([]cobra.Completion, 0, min(len(found), maxCompletions))
	for _, m := range found[:min(len(found), maxCompletions)] {
		out = append(out, cobra.CompletionWithDesc(m.value, m.desc))
	}
	return out
}

// addConventions finishes the command tree: --version, actor-name
// completion for the commands and flags that take actor names, and
// examples on cobra's own help command. Call it after every command has
// been added.
func addConventions(root *cobra.Command, g *globalOptions) {
	root.Version = versionString()
	root.SetVersionTemplate("geokg {{.Version}}\n")
	root.InitDefaultHelpCmd()
	for _, c := range root.Commands() {
		switch c.Name() {
		case "help":
			c.Example = "  geokg help ingest\n  geokg help export"
		case "actor":
			setArgsCompletion(c, completeActorArgs(g, 1))
		case "path", "timeline":
			setArgsCompletion(c, completeActorArgs(g, 2))
		}
		if c.Flags().Lookup("actor") != nil {
			_ = c.RegisterFlagCompletionFunc("actor", completeActorFlag(g)) // fails only if already registered
		}
	}
}

// setArgsCompletion sets c's argument completion unless c has its own.
func setArgsCompletion(c *cobra.Command, f cobra.CompletionFunc) {
	if c.ValidArgsFunction == nil {
		c.ValidArgsFunction = f
	}
}
