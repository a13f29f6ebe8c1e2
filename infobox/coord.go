package infobox

import (
	"strconv"
	"strings"

	"github.com/annalist/annalist"
)

// parseCoordinates reads a coordinates value as the rendering writes it:
// degrees with hemisphere letters, decimal ("42.43°N 130.58°E") or in
// degrees, minutes and seconds ("42°26′N 130°35′E"), or two signed
// decimals ("42.43; 130.58").
func parseCoordinates(v string) (annalist.LatLon, bool) {
	fields := strings.FieldsFunc(v, func(r rune) bool {
		return r == ' ' || r == ';' || r == ','
	})
	// Each field is a number with optional unit marks and a hemisphere.
	var lat, lon float64
	var latOK, lonOK bool
	var plain []float64
	for _, f := range fields {
		deg, hemi, ok := dms(f)
		if !ok {
			continue
		}
		switch hemi {
		case 'N':
			lat, latOK = deg, true
		case 'S':
			lat, latOK = -deg, true
		case 'E':
			lon, lonOK = deg, true
		case 'W':
			lon, lonOK = -deg, true
		default:
			plain = append(plain, deg)
		}
	}
	if latOK && lonOK {
		return annalist.LatLon{Lat: lat, Lon: lon}, valid(lat, lon)
	}
	if len(plain) == 2 && !latOK && !lonOK {
		return annalist.LatLon{Lat: plain[0], Lon: plain[1]}, valid(plain[0], plain[1])
	}
	return annalist.LatLon{}, false
}

func valid(lat, lon float64) bool { return lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180 }

// dms reads one coordinate: "42.43°N", "42°26′N", "42°26′30″N", "-42.5".
func dms(f string) (float64, byte, bool) {
	var hemi byte
	if n := len(f); n > 0 {
		switch f[n-1] {
		case 'N', 'S', 'E', 'W':
			hemi = f[n-1]
			f = f[:n-1]
		}
	}
	parts := strings.FieldsFunc(f, func(r rune) bool {
		return r == '°' || r == '′' || r == '″' || r == '\'' || r == '"'
	})
	if len(parts) == 0 || len(parts) > 3 {
		return 0, 0, false
	}
	total, div := 0.0, 1.0
	for i, p := range parts {
		x, err := strconv.ParseFloat(p, 64)
		if err != nil || (i > 0 && (x < 0 || x >= 60)) {
			return 0, 0, false
		}
		total += x / div
		div *= 60
	}
	return total, hemi, true
}
