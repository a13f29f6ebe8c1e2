// Package geonames reads the GeoNames dump files (https://download.geonames.org/export/dump/)
// as a stream, in their exact column format: allCountries.txt (and the
// per-country files, cities*.txt) with 19 tab-separated columns, and
// alternateNamesV2.txt with 10 (alternateNames.txt's 8 are accepted too),
// plain or inside their .zip archives.
//
// A malformed line is reported with its line number and reading goes on;
// a file that is not a GeoNames dump at all is refused after its first
// lines, before the caller has been handed anything, so an import of the
// wrong file writes nothing.
package geonames

import (
	"archive/zip"
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// Place is one row of allCountries.txt.
type Place struct {
	ID             int64
	Name           string
	ASCIIName      string
	AlternateNames []string // the comma-separated column, split
	Lat, Lon       float64
	FeatureClass   string // "P" populated place, "H" water, "T" terrain, "A" division, …
	FeatureCode    string // "PPL", "LK", "STM", "ISL", "HLL", "PASS", …
	Country        string // ISO 3166-1 alpha-2
	CC2            string // other countries, comma-separated
	Admin1, Admin2 string
	Admin3, Admin4 string
	Population     int64
	Elevation      *int // metres, where given
	DEM            int  // digital elevation model, metres
	Timezone       string
	Modified       string // yyyy-MM-dd
}

// AltName is one row of alternateNamesV2.txt.
type AltName struct {
	ID         int64
	GeonameID  int64
	Lang       string // ISO 639 code, or "post", "link", "wkdt", "iata", …
	Name       string
	Preferred  bool
	Short      bool
	Colloquial bool
	Historic   bool
	// From and To are the period the name was used in, as GeoNames writes
	// it (usually a year), or "".
	From, To string
}

// LineError is a malformed line: reading goes on after it.
type LineError struct {
	File string
	Line int
	Err  error
}

func (e *LineError) Error() string { return fmt.Sprintf("%s line %d: %v", e.File, e.Line, e.Err) }
func (e *LineError) Unwrap() error { return e.Err }

// ErrNotGeoNames is returned (wrapped) for a file whose first lines are
// not in the expected GeoNames format.
var ErrNotGeoNames = errors.New("not a GeoNames dump file")

// sniffLines is how many data lines are checked before anything is
// handed to the caller; at least half of them must parse.
const sniffLines = 10

// ReadPlaces streams the rows of an allCountries-format file to fn. A
// malformed line goes to bad (when not nil) and reading goes on; an error
// from fn stops reading and is returned.
func ReadPlaces(ctx context.Context, r io.Reader, file string, fn func(Place) error, bad func(*LineError)) error {
	return read(ctx, r, file, parsePlace, fn, bad)
}

// ReadAltNames streams the rows of an alternateNamesV2-format file to fn,
// as ReadPlaces does.
func ReadAltNames(ctx context.Context, r io.Reader, file string, fn func(AltName) error, bad func(*LineError)) error {
	return read(ctx, r, file, parseAltName, fn, bad)
}

func read[T any](ctx context.Context, r io.Reader, file string, parse func(string) (T, error), fn func(T) error, bad func(*LineError)) error {
	br := bufio.NewReaderSize(r, 1<<16)
	type pending struct {
		line int
		v    T
		err  error
	}
	var head []pending // the first lines, held until the file is known to be GeoNames
	good, checked := 0, 0
	sniffed := false
	deliver := func(p pending) error {
		if p.err != nil {
			if bad != nil {
				bad(&LineError{File: file, Line: p.line, Err: p.err})
			}
			return nil
		}
		return fn(p.v)
	}
	flush := func() error {
		if checked > 0 && (good == 0 || good*2 < checked) {
			for _, p := range head {
				if p.err != nil {
					return fmt.Errorf("%s: %w (line %d: %v)", file, ErrNotGeoNames, p.line, p.err)
				}
			}
		}
		sniffed = true
		for _, p := range head {
			if err := deliver(p); err != nil {
				return err
			}
		}
		head = nil
		return nil
	}
	n := 0
	for {
		line, err := readLine(br)
		if err == io.EOF && line == "" {
			break
		}
		if err != nil && err != io.EOF {
			return fmt.Errorf("read %s line %d: %w", file, n+1, err)
		}
		n++
		if n%4096 == 0 {
			if cerr := ctx.Err(); cerr != nil {
				return fmt.Errorf("read %s: %w", file, cerr)
			}
		}
		if line == "" || line[0] == '#' {
			continue // GeoNames files have no header; a blank or comment line is harmless
		}
		v, perr := parse(line)
		p := pending{line: n, v: v, err: perr}
		if !sniffed {
			head = append(head, p)
			checked++
			if perr == nil {
				good++
			}
			if checked == sniffLines {
				if ferr := flush(); ferr != nil {
					return ferr
				}
			}
		} else if derr := deliver(p); derr != nil {
			return derr
		}
		if err == io.EOF {
			break
		}
	}
	if !sniffed {
		if checked == 0 {
			return fmt.Errorf("%s: %w (no data lines)", file, ErrNotGeoNames)
		}
		return flush()
	}
	return nil
}

// readLine reads one line of any length, without its "\n" or "\r\n".
func readLine(br *bufio.Reader) (string, error) {
	b, err := br.ReadSlice('\n')
	if err == bufio.ErrBufferFull {
		long := append([]byte(nil), b...)
		for err == bufio.ErrBufferFull {
			b, err = br.ReadSlice('\n')
			long = append(long, b...)
		}
		b = long
	}
	s := string(b)
	s = strings.TrimSuffix(s, "\n")
	s = strings.TrimSuffix(s, "\r")
	return s, err
}

func parsePlace(line string) (Place, error) {
	var f [19]string
	if n := splitTabs(line, f[:]); n != 19 {
		return Place{}, fmt.Errorf("%d columns, want 19 (allCountries format)", n)
	}
	var p Place
	var err error
	if p.ID, err = strconv.ParseInt(f[0], 10, 64); err != nil || p.ID <= 0 {
		return Place{}, fmt.Errorf("geonameid %q is not a positive number", f[0])
	}
	p.Name, p.ASCIIName = f[1], f[2]
	if p.Name == "" {
		return Place{}, fmt.Errorf("geonameid %d: empty name", p.ID)
	}
	if f[3] != "" {
		p.AlternateNames = strings.Split(f[3], ",")
	}
	if p.Lat, err = strconv.ParseFloat(f[4], 64); err != nil || p.Lat < -90 || p.Lat > 90 {
		return Place{}, fmt.Errorf("geonameid %d: latitude %q", p.ID, f[4])
	}
	if p.Lon, err = strconv.ParseFloat(f[5], 64); err != nil || p.Lon < -180 || p.Lon > 180 {
		return Place{}, fmt.Errorf("geonameid %d: longitude %q", p.ID, f[5])
	}
	if len(f[6]) > 1 || len(f[8]) > 3 {
		return Place{}, fmt.Errorf("geonameid %d: feature class %q or country %q too long", p.ID, f[6], f[8])
	}
	p.FeatureClass, p.FeatureCode, p.Country, p.CC2 = f[6], f[7], f[8], f[9]
	p.Admin1, p.Admin2, p.Admin3, p.Admin4 = f[10], f[11], f[12], f[13]
	if f[14] != "" {
		if p.Population, err = strconv.ParseInt(f[14], 10, 64); err != nil || p.Population < 0 {
			return Place{}, fmt.Errorf("geonameid %d: population %q", p.ID, f[14])
		}
	}
	if f[15] != "" {
		e, err := strconv.Atoi(f[15])
		if err != nil {
			return Place{}, fmt.Errorf("geonameid %d: elevation %q", p.ID, f[15])
		}
		p.Elevation = &e
	}
	if f[16] != "" {
		if p.DEM, err = strconv.Atoi(f[16]); err != nil {
			return Place{}, fmt.Errorf("geonameid %d: dem %q", p.ID, f[16])
		}
	}
	p.Timezone, p.Modified = f[17], f[18]
	return p, nil
}

func parseAltName(line string) (AltName, error) {
	var f [10]string
	n := splitTabs(line, f[:])
	if n != 10 && n != 8 {
		return AltName{}, fmt.Errorf("%d columns, want 10 (alternateNamesV2 format) or 8", n)
	}
	var a AltName
	var err error
	if a.ID, err = strconv.ParseInt(f[0], 10, 64); err != nil || a.ID <= 0 {
		return AltName{}, fmt.Errorf("alternateNameId %q is not a positive number", f[0])
	}
	if a.GeonameID, err = strconv.ParseInt(f[1], 10, 64); err != nil || a.GeonameID <= 0 {
		return AltName{}, fmt.Errorf("geonameid %q is not a positive number", f[1])
	}
	a.Lang, a.Name = f[2], f[3]
	if a.Name == "" {
		return AltName{}, fmt.Errorf("alternateNameId %d: empty name", a.ID)
	}
	flags := []*bool{&a.Preferred, &a.Short, &a.Colloquial, &a.Historic}
	for i, ptr := range flags {
		switch f[4+i] {
		case "1":
			*ptr = true
		case "", "0":
		default:
			return AltName{}, fmt.Errorf("alternateNameId %d: flag %q is not 1 or empty", a.ID, f[4+i])
		}
	}
	a.From, a.To = f[8], f[9]
	return a, nil
}

// splitTabs splits line at tabs into f, returning the number of fields
// (which may exceed len(f); then f holds only the first ones).
func splitTabs(line string, f []string) int {
	n := 0
	for {
		i := strings.IndexByte(line, '\t')
		if n < len(f) {
			if i < 0 {
				f[n] = line
			} else {
				f[n] = line[:i]
			}
		}
		n++
		if i < 0 {
			return n
		}
		line = line[i+1:]
	}
}

// Open opens a dump file for reading: a .txt as is, a .zip through the
// text file inside it (the one named like the archive, else the only .txt
// that is not a readme).
func Open(path string) (io.ReadCloser, error) {
	if !strings.EqualFold(filepath.Ext(path), ".zip") {
		f, err := os.Open(path)
		if err != nil {
			return nil, fmt.Errorf("open %s: %w", path, err)
		}
		return f, nil
	}
	zr, err := zip.OpenReader(path)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	want := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path)) + ".txt"
	var pick *zip.File
	var texts []*zip.File
	for _, f := range zr.File {
		base := strings.ToLower(filepath.Base(f.Name))
		if strings.EqualFold(base, want) {
			pick = f
			break
		}
		if strings.HasSuffix(base, ".txt") && !strings.Contains(base, "readme") {
			texts = append(texts, f)
		}
	}
	if pick == nil && len(texts) == 1 {
		pick = texts[0]
	}
	if pick == nil {
		zr.Close()
		return nil, fmt.Errorf("open %s: no %s inside the archive", path, want)
	}
	rc, err := pick.Open()
	if err != nil {
		zr.Close()
		return nil, fmt.Errorf("open %s!%s: %w", path, pick.Name, err)
	}
	return &zipFile{ReadCloser: rc, zr: zr}, nil
}

type zipFile struct {
	io.ReadCloser
	zr *zip.ReadCloser
}

func (z *zipFile) Close() error {
	err := z.ReadCloser.Close()
	if err2 := z.zr.Close(); err == nil {
		err = err2
	}
	return err
}
