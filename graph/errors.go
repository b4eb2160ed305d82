package graph

import "errors"

// ErrNotFound is wrapped by errors returned when an actor, article or edge
// does not exist.
var ErrNotFound = errors.New("not found")

// ErrInvalid is wrapped by errors returned for values that fail validation.
var ErrInvalid = errors.New("invalid")
