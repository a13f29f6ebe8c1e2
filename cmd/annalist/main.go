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
	"runtime/debug"
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
		{"worker", "take ingest jobs from a PostgreSQL job queue and store them", runWorker},
		{"status", "show the ingest jobs of a PostgreSQL job queue", runStatus},
		{"serve", "browse the stored clashes on a map and a timeline (web explorer + API)", runServe},
		{"export", "write the stored events as CSV (UCDP GED columns), GeoJSON or JSON Lines", runExport},
		{"merge", "redo the merged events: one clash told by several articles, one row", runMerge},
		{"gazetteer", "import the full GeoNames dump, or look a place name up", runGazetteer},
		{"timex", "list the time expressions of text files as JSON lines (TIMEX2 values)", runTimex},
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
Run "annalist help <command>" (or "annalist <command> --help") for a
command's flags and examples, "annalist --version" for the build.
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
	ctx, stop := withSignals(context.Background())
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// signalError is why a run was cancelled by SIGINT or SIGTERM. It is a
// context.Canceled, and its exit status is the shell's 128+signal.
type signalError struct{ sig syscall.Signal }

func (e signalError) Error() string        { return "interrupted by " + unix(e.sig) }
func (e signalError) Is(target error) bool { return target == context.Canceled }
func (e signalError) code() int            { return 128 + int(e.sig) }

func unix(s syscall.Signal) string {
	switch s {
	case syscall.SIGINT:
		return "SIGINT"
	case syscall.SIGTERM:
		return "SIGTERM"
	}
	return s.String()
}

// withSignals returns a context cancelled, with a signalError as its
// cause, on the first SIGINT or SIGTERM. A second one is left to the
// runtime's default and ends the process at once.
func withSignals(parent context.Context) (context.Context, func()) {
	ctx, cancel := context.WithCancelCause(parent)
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt, syscall.SIGTERM)
	go func() {
		select {
		case s := <-c:
			signal.Stop(c)
			sig, _ := s.(syscall.Signal)
			cancel(signalError{sig})
		case <-ctx.Done():
		}
	}()
	return ctx, func() { signal.Stop(c); cancel(nil) }
}

// run dispatches to a command and turns its error into an exit status.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stderr)
		return 2
	}
	switch args[0] {
	case "-h", "-help", "--help":
		usage(stdout)
		return 0
	case "help":
		// "annalist help extract" is "annalist extract --help".
		if len(args) == 1 {
			usage(stdout)
			return 0
		}
		args = []string{args[1], "--help"}
	case "-version", "--version", "version":
		fmt.Fprintln(stdout, version())
		return 0
	}
	for _, c := range commands() {
		if c.name != args[0] {
			continue
		}
		err := c.run(ctx, args[1:], stdout, stderr)
		var ee exitError
		var se signalError
		switch {
		case err == nil, errors.Is(err, flag.ErrHelp):
			return 0
		case errors.As(context.Cause(ctx), &se):
			fmt.Fprintf(stderr, "annalist %s: %v\n", c.name, se)
			return se.code()
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
// errors to stderr as a usage error. Flags may come after the arguments
// too ("annalist ingest a.txt --db x.db"); "--" ends the flags.
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
	if err := fs.Parse(flagsFirst(fs, args)); err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	return nil
}

// flagsFirst moves the flags in args before the other arguments, keeping
// each flag's value with it, so that the standard flag package (which
// stops at the first argument) reads them wherever they were written.
// "-" alone is an argument (standard input); after "--" all are.
func flagsFirst(fs *flag.FlagSet, args []string) []string {
	var flags, rest []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			rest = append(rest, args[i:]...)
			break
		}
		if len(a) < 2 || a[0] != '-' {
			rest = append(rest, a)
			continue
		}
		flags = append(flags, a)
		name := strings.TrimLeft(a, "-")
		if strings.Contains(name, "=") {
			continue
		}
		f := fs.Lookup(name)
		if f == nil {
			continue // fs.Parse reports it
		}
		if b, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
			continue
		}
		if i+1 < len(args) {
			i++
			flags = append(flags, args[i])
		}
	}
	if len(rest) > 0 && rest[0] != "--" {
		rest = append([]string{"--"}, rest...)
	}
	return append(flags, rest...)
}

// version says which build this is, from what the Go toolchain recorded:
// the module version and, when built from a checkout, the commit.
func version() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "annalist (no build information)"
	}
	v := "annalist " + bi.Main.Version
	var rev, at, dirty string
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.time":
			at = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				dirty = ", modified"
			}
		}
	}
	if rev != "" {
		v += fmt.Sprintf(" (commit %s, %s%s)", rev[:min(12, len(rev))], at, dirty)
	}
	return v + " " + bi.GoVersion
}
