// Command annalist reads encyclopedia articles about wars and turns them
// into event data: the infobox becomes a typed conflict record and the
// prose becomes dated, placed, sided clashes with their casualties, every
// number traceable to the bytes it came from.
//
// Run "annalist --help" for the commands.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
)

// command is one subcommand: its name, a one-line summary for the overview,
// and the function that runs it with its arguments (after the name).
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, args []string, stdout, stderr io.Writer) error
}

func commands() []command {
	return []command{
		{"extract", "read articles and write what they say as JSON documents", runExtract},
		{"ingest", "extract articles and store them in the database", runIngest},
		{"serve", "browse the stored clashes on a map and a timeline (web explorer + API)", runServe},
		{"export", "write the stored events as CSV (UCDP GED columns), GeoJSON or JSON Lines", runExport},
		{"merge", "redo the merged events: one clash told by several articles, one row", runMerge},
		{"gazetteer", "import the full GeoNames dump, or look a place name up", runGazetteer},
	}
}

// errUsage marks an error in how the command was called (exit status 2).
var errUsage = errors.New("usage")

// exitError carries an exit status for errors already reported.
type exitError struct{ code int }

func (e exitError) Error() string { return fmt.Sprintf("exit status %d", e.code) }

const overview = `annalist turns encyclopedia articles about wars into event data.

It reads an article (the plain-text rendering of Wikipedia, wikitext, or a
Wikipedia XML dump) and writes:
  - the conflict record from its infobox: dates as intervals, belligerents,
    commanders and their fates, strength and casualties as ranges, each
    credited to its source;
  - the armed clashes told in its prose: date, place, the two sides, and the
    dead, wounded and captured of each, with the sentences they came from;
  - figures the text credits to a party (claims).

Usage:
  annalist <command> [flags] [arguments]

Commands:
%s
Run "annalist <command> --help" for a command's flags and examples.
With no input, extract reads the bundled sample article
("Soviet–Japanese border conflicts", Wikipedia, CC BY-SA 4.0).
`

func usage(w io.Writer) {
	var b strings.Builder
	for _, c := range commands() {
		fmt.Fprintf(&b, "  %-10s %s\n", c.name, c.summary)
	}
	fmt.Fprintf(w, overview, b.String())
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run dispatches to a command and turns its error into an exit status.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stderr)
		return 2
	}
	switch args[0] {
	case "-h", "-help", "--help", "help":
		usage(stdout)
		return 0
	}
	for _, c := range commands() {
		if c.name != args[0] {
			continue
		}
		err := c.run(ctx, args[1:], stdout, stderr)
		var ee exitError
		switch {
		case err == nil, errors.Is(err, flag.ErrHelp):
			return 0
		case errors.As(err, &ee):
			return ee.code
		case errors.Is(err, errUsage):
			fmt.Fprintf(stderr, "annalist %s: %v\n", c.name, err)
			return 2
		}
		fmt.Fprintf(stderr, "annalist %s: %v\n", c.name, err)
		return 1
	}
	fmt.Fprintf(stderr, "annalist: unknown command %q\n\n", args[0])
	usage(stderr)
	return 2
}

// newFlagSet makes a FlagSet whose --help prints the command's own text
// followed by its flags.
func newFlagSet(name, help string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), strings.TrimLeft(help, "\n"))
		fmt.Fprintln(fs.Output(), "\nFlags:")
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args, sending --help to stdout (it was asked for) and
// errors to stderr as a usage error.
func parseFlags(fs *flag.FlagSet, args []string, stdout io.Writer) error {
	for _, a := range args {
		if a == "--" {
			break
		}
		if a == "-h" || a == "-help" || a == "--help" {
			fs.SetOutput(stdout)
			fs.Usage()
			return flag.ErrHelp
		}
	}
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	return nil
}
