package extract

import (
	"math/bits"
	"slices"
	"strings"

	"geokg/graph"
)

// actorIndex finds a dictionary actor by id on the hot path (the ends of
// every relation, affiliations, Result.Actors and Result.Named): an
// open-addressing table keyed by the FNV-1a hash of the id, one probe and
// one string comparison where a map keyed by strings cost about twice as
// many instructions. Each slot also holds the actor's rank, its place in
// id order, so that ids of dictionary actors sort by comparing ranks
// rather than strings (sortActorKeys).
type actorIndex struct {
	slots  []actorSlot // a power of two, at most half full
	mask   uint32
	byRank []*graph.Actor // the actors in id order
}

type actorSlot struct {
	a    *graph.Actor // nil: an empty slot
	hash uint32
	rank int32
}

// newActorIndex indexes the actors of byID, whose ids differ; it sorts
// them by id unless they are (the built-in dictionary's are).
func newActorIndex(byID []*graph.Actor) actorIndex {
	size := 16
	for size < 2*len(byID) {
		size *= 2
	}
	t := actorIndex{slots: make([]actorSlot, size), mask: uint32(size - 1), byRank: byID}
	compare := func(a, b *graph.Actor) int { return strings.Compare(string(a.ID), string(b.ID)) }
	if !slices.IsSortedFunc(byID, compare) {
		slices.SortFunc(byID, compare)
	}
	for rank, a := range t.byRank {
		h := idHash(a.ID)
		i := h & t.mask
		for t.slots[i].a != nil {
			i = (i + 1) & t.mask
		}
		t.slots[i] = actorSlot{a: a, hash: h, rank: int32(rank)}
	}
	return t
}

// idHash hashes an actor id from its length and its first and last eight
// bytes (all of a shorter one): ids are short, and read whole only by the
// comparison that confirms a match.
func idHash(id graph.ActorID) uint32 {
	var a, b uint64
	switch n := len(id); {
	case n >= 8:
		a, b = load64(string(id)), load64(string(id[n-8:]))
	case n == 3: // a state's ISO code, the ids asked for most
		a = uint64(id[0])<<16 | uint64(id[1])<<8 | uint64(id[2])
	default:
		for i := range n {
			a = a<<8 | uint64(id[i])
		}
	}
	h := (a ^ bits.RotateLeft64(b, 29) ^ uint64(len(id))) * 0x9e3779b97f4a7c15
	return uint32(h >> 32)
}

// load64 reads the first eight bytes of s, little-endian (one load).
func load64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// find returns the slot of the actor with the given id, or nil.
func (t *actorIndex) find(id graph.ActorID) *actorSlot {
	if len(t.slots) == 0 {
		return nil
	}
	h := idHash(id)
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		s := &t.slots[i]
		if s.a == nil {
			return nil
		}
		if s.hash == h && s.a.ID == id {
			return s
		}
	}
}

// keySet gathers distinct ids and gives them back in id order: a
// dictionary actor's as the bit of its rank (ranks follow ids, so reading
// the bits in order needs no sort), any other in a list (few: the persons
// an article introduces).
type keySet struct {
	seen   []uint64 // the ranks of the dictionary actors added
	others []graph.ActorID
}

// reset empties s for the ids of x.
func (s *keySet) reset(x *Extractor) {
	s.others = s.others[:0]
	if w := (len(x.byID.byRank) + 63) / 64; len(s.seen) < w {
		s.seen = make([]uint64, w)
	} else {
		clear(s.seen)
	}
}

// add adds id unless it was added before; it reports whether it did, with
// the dictionary actor of id (nil if none).
func (s *keySet) add(x *Extractor, id graph.ActorID) (bool, *graph.Actor) {
	sl := x.byID.find(id)
	if sl == nil {
		if slices.Contains(s.others, id) {
			return false, nil
		}
		s.others = append(s.others, id)
		return true, nil
	}
	w, bit := sl.rank/64, uint64(1)<<(sl.rank%64)
	if s.seen[w]&bit != 0 {
		return false, sl.a
	}
	s.seen[w] |= bit
	return true, sl.a
}

// len returns the number of ids added.
func (s *keySet) len() int {
	n := len(s.others)
	for _, set := range s.seen {
		n += bits.OnesCount64(set)
	}
	return n
}

// each calls yield with each id added, in id order, and its dictionary
// actor (nil if none).
func (s *keySet) each(x *Extractor, yield func(graph.ActorID, *graph.Actor)) {
	slices.Sort(s.others)
	o := 0
	for w, set := range s.seen {
		for ; set != 0; set &= set - 1 {
			a := x.byID.byRank[w*64+bits.TrailingZeros64(set)]
			for ; o < len(s.others) && s.others[o] < a.ID; o++ {
				yield(s.others[o], nil)
			}
			yield(a.ID, a)
		}
	}
	for ; o < len(s.others); o++ {
		yield(s.others[o], nil)
	}
}

// idFilter tells of an id that it is surely not one of a set of ids, or
// that it may be: a bit of 256 for each id of the set, chosen by its
// length and its first and last bytes. It spares a map lookup for most
// ids of a small set's complement.
type idFilter [4]uint64

func idFilterBit(id graph.ActorID) uint32 {
	if len(id) == 0 {
		return 0
	}
	return (uint32(id[0])*31 + uint32(id[len(id)-1])*7 + uint32(len(id))) & 255
}

// add puts id in the set.
func (f *idFilter) add(id graph.ActorID) {
	b := idFilterBit(id)
	f[b/64] |= 1 << (b % 64)
}

// maybe reports whether id may be in the set (false: it is not).
func (f *idFilter) maybe(id graph.ActorID) bool {
	b := idFilterBit(id)
	return f[b/64]&(1<<(b%64)) != 0
}
