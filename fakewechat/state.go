package fakewechat

import "sync"

// State is a mutex-protected key/value store, one per app, where endpoint
// fakes keep what they must remember between requests (menus, media,
// users...). Reset empties it.
type State struct {
	mu sync.Mutex
	m  map[string]any
}

// State returns the state of appid, creating it on first use.
func (s *Server) State(appid string) *State {
	if v, ok := s.states.Load(appid); ok {
		return v.(*State)
	}
	v, _ := s.states.LoadOrStore(appid, &State{m: map[string]any{}})
	return v.(*State)
}

// Get returns the value of key.
func (st *State) Get(key string) (any, bool) {
	st.mu.Lock()
	defer st.mu.Unlock()
	v, ok := st.m[key]
	return v, ok
}

// Set stores v under key.
func (st *State) Set(key string, v any) {
	st.mu.Lock()
	defer st.mu.Unlock()
	st.m[key] = v
}

// Delete removes key and reports whether it was present.
func (st *State) Delete(key string) bool {
	st.mu.Lock()
	defer st.mu.Unlock()
	_, ok := st.m[key]
	delete(st.m, key)
	return ok
}

// Do runs fn with the state locked, for read-modify-write updates. fn must
// not call other methods of st.
func (st *State) Do(fn func(m map[string]any)) {
	st.mu.Lock()
	defer st.mu.Unlock()
	fn(st.m)
}

// Value returns the value of key as a T, creating it with init (under the
// lock) when absent or of another type. Use a pointer or map T with Do for
// later updates.
func Value[T any](st *State, key string, init func() T) T {
	st.mu.Lock()
	defer st.mu.Unlock()
	if v, ok := st.m[key].(T); ok {
		return v
	}
	v := init()
	st.m[key] = v
	return v
}
