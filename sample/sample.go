// Package sample bundles one real article, "Soviet–Japanese border
// conflicts" from Wikipedia (CC BY-SA 4.0, see SOURCE.md), so that a first
// run of annalist has something to read with no input at all.
package sample

import (
	_ "embed"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/plaintext"
)

// Name is the source name given to the bundled article.
const Name = "sample:soviet-japanese-border-conflicts.txt"

//go:embed soviet-japanese-border-conflicts.txt
var text []byte

// Bytes returns a copy of the bundled article's text.
func Bytes() []byte { return append([]byte(nil), text...) }

// Article reads the bundled article.
func Article() (*annalist.Article, error) { return plaintext.Read(Name, Bytes()) }
