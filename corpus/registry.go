package corpus

import (
	"crypto/sha256"
	"embed"
	"fmt"
	"os"
	"path/filepath"
	"sort"
)

//go:embed data
var dataFS embed.FS

// Registry holds the domain data the pipeline uses: boilerplate phrases,
// reference events and offices, speakers, speech verbs and topics. The built-in tables
// are embedded from corpus/data; users extend them with their own files.
type Registry struct {
	Boilerplate *Boilerplate
	Events      *Events
	Speakers    *Speakers
	Verbs       *Verbs
	Topics      *Topics

	attrib builtinAttrib

	// sum hashes every table read, in order: results cached under one
	// registry are not used under another.
	sum []byte
}

// RegistryKinds lists the tables a user can extend, with the file name each
// has in corpus/data and in the user's config directory.
var RegistryKinds = []struct{ Kind, File string }{
	{"boilerplate", "boilerplate.txt"},
	{"events", "events.tsv"},
	{"offices", "offices.tsv"},
	{"speakers", "speakers.yaml"},
	{"verbs", "verbs.txt"},
	{"topics", "topics.yaml"},
}

// DefaultRegistry returns the built-in tables.
func DefaultRegistry() (*Registry, error) {
	r := &Registry{}
	for _, k := range RegistryKinds {
		data, err := dataFS.ReadFile("data/" + k.File)
		if err != nil {
			return nil, fmt.Errorf("built-in %s table: %w", k.Kind, err)
		}
		if err := r.Extend(k.Kind, "built-in "+k.File, data); err != nil {
			return nil, err
		}
	}
	return r, nil
}

// Extend adds the entries of a user's file (its contents in data, its name
// in name for errors) to the table of the given kind.
func (r *Registry) Extend(kind, name string, data []byte) error {
	var err error
	switch kind {
	case "boilerplate":
		if r.Boilerplate == nil {
			r.Boilerplate = &Boilerplate{}
		}
		err = r.Boilerplate.extend(data)
	case "events":
		if r.Events == nil {
			r.Events = &Events{}
		}
		err = r.Events.extend(data)
	case "offices":
		if r.Events == nil {
			r.Events = &Events{}
		}
		err = r.Events.extendOffices(data)
	case "speakers":
		if r.Speakers == nil {
			r.Speakers = &Speakers{}
		}
		err = r.Speakers.extend(data)
	case "verbs":
		if r.Verbs == nil {
			r.Verbs = &Verbs{}
		}
		err = r.Verbs.extend(data)
	case "topics":
		if r.Topics == nil {
			r.Topics = &Topics{}
		}
		err = r.Topics.extend(data)
	default:
		return fmt.Errorf("%s: unknown table %q", name, kind)
	}
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	h := sha256.New()
	h.Write(r.sum)
	fmt.Fprintf(h, "%s\x00%d\x00", kind, len(data))
	h.Write(data)
	r.sum = h.Sum(nil)
	return nil
}

// ExtendFromFile reads a user's file into the table of the given kind.
func (r *Registry) ExtendFromFile(kind, path string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("%s: %w", path, unwrapPathError(err))
	}
	return r.Extend(kind, path, data)
}

// ExtendFromDir reads whichever table files exist in dir (the user's config
// directory) and returns the paths it read.
func (r *Registry) ExtendFromDir(dir string) ([]string, error) {
	var read []string
	for _, k := range RegistryKinds {
		p := filepath.Join(dir, k.File)
		if _, err := os.Stat(p); err != nil {
			continue
		}
		if err := r.ExtendFromFile(k.Kind, p); err != nil {
			return read, err
		}
		read = append(read, p)
	}
	sort.Strings(read)
	return read, nil
}

func unwrapPathError(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}
