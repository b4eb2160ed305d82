// Command gendict writes extract/data/countries.tsv, the generated part of
// geokg's built-in actor dictionary: one row per state listed in
// extract/data/curated.tsv, with the ISO 3166 alpha-3 code checked against
// github.com/biter777/countries, the package's name added as an alias and its
// capital city used unless the curated row gives capitals of its own.
//
// Usage (from the extract directory, as go generate runs it):
//
//	go run ./internal/gendict -curated data/curated.tsv -out data/countries.tsv
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
)

func main() {
	curated := flag.String("curated", "data/curated.tsv", "curated dictionary `file` to read")
	out := flag.String("out", "data/countries.tsv", "generated dictionary `file` to write")
	flag.Parse()
	if err := run(*curated, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gendict:", err)
		os.Exit(1)
	}
}

func run(curatedPath, outPath string) error {
	f, err := os.Open(curatedPath)
	if err != nil {
		return err
	}
	defer f.Close()
	var buf bytes.Buffer
	if err := generate(&buf, f, curatedPath); err != nil {
		return err
	}
	if err := os.WriteFile(outPath, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", outPath, err)
	}
	return nil
}
