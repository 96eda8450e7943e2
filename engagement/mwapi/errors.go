package mwapi

import (
	"errors"
	"fmt"
	"net"
	"syscall"
	"time"
)

// NoNetworkHint says what to do when Wikimedia cannot be reached.
const NoNetworkHint = "check the connection, point Course at a downloaded course folder, or use the cache with -offline"

// NoNetworkError says a wiki could not be reached at all: its name did not
// resolve or the network is unreachable. Its message is one line with
// NoNetworkHint, for a program to print as it is.
type NoNetworkError struct {
	Wiki string
	Err  error
}

func (e *NoNetworkError) Error() string {
	return fmt.Sprintf("no network: %s cannot be reached (%v); %s", e.Wiki, e.cause(), NoNetworkHint)
}

// Unwrap returns the network's error.
func (e *NoNetworkError) Unwrap() error { return e.Err }

func (e *NoNetworkError) cause() string {
	var dns *net.DNSError
	if errors.As(e.Err, &dns) {
		return "lookup " + dns.Name + ": " + dns.Err
	}
	var oe *net.OpError
	if errors.As(e.Err, &oe) && oe.Err != nil {
		return oe.Err.Error()
	}
	return e.Err.Error()
}

// noNetwork wraps err when it says the wiki cannot be reached: a failed
// name lookup or an unreachable network (not a refused connection: then
// something answered).
func noNetwork(wiki string, err error) (*NoNetworkError, bool) {
	var dns *net.DNSError
	if errors.As(err, &dns) || errors.Is(err, syscall.ENETUNREACH) || errors.Is(err, syscall.EHOSTUNREACH) {
		return &NoNetworkError{Wiki: wiki, Err: err}, true
	}
	return nil, false
}

// TimeoutError is a request that got no (whole) answer in time.
type TimeoutError struct {
	Wiki  string
	After time.Duration // the HTTP client's timeout, or the time waited
	Err   error
}

func (e *TimeoutError) Error() string {
	return fmt.Sprintf("no answer within %s (timeout): %v", e.After, e.Err)
}

// Unwrap returns the HTTP client's error.
func (e *TimeoutError) Unwrap() error { return e.Err }

// TooLargeError is an answer above the client's size limit (WithMaxBody),
// raw or decompressed.
type TooLargeError struct {
	Limit int64 // bytes
}

func (e *TooLargeError) Error() string {
	if e.Limit%(1<<20) == 0 {
		return fmt.Sprintf("answer larger than %d MB", e.Limit>>20)
	}
	return fmt.Sprintf("answer larger than %d bytes", e.Limit)
}

// WaitTooLongError is a server asking to wait longer before a retry than
// the client waits (WithMaxWait): the request fails at once.
type WaitTooLongError struct {
	Wait, Max time.Duration
	Err       error // the answer that asked, e.g. an *HTTPError 429
}

func (e *WaitTooLongError) Error() string {
	return fmt.Sprintf("the server asked to wait %s before retrying, more than the %s this client waits; try again later: %v", e.Wait.Round(time.Second), e.Max, e.Err)
}

// Unwrap returns the answer that asked for the wait.
func (e *WaitTooLongError) Unwrap() error { return e.Err }
