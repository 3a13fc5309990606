#!/usr/bin/python3
"""Keyledger's reference verifier of audit evidence, in another language than the service (docs/AUDIT-EVIDENCE.md).

usage: /usr/bin/python3 scripts/verify-audit-evidence.py EVIDENCE.ndjson AUDIT-KEYS.json [PUBLISHED-CHECKPOINTS...]

Prints every fault, the first one first ("FAULT <kind> at position <n>: <detail>"), and exits 0 when the evidence is
intact, 1 when it is not, 2 when it cannot be read. Needs only the standard library and Debian's python3-cryptography
(Ed25519), which imports under Debian's own interpreter, /usr/bin/python3.
"""
import base64
import hashlib
import json
import os
import re
import struct
import sys

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

GENESIS = bytes(32)
MAX_FAILING = 10000


# --- RFC 8785 (JCS) -------------------------------------------------------------------------------------------------

_ESCAPES = {'"': '\\"', '\\': '\\\\', '\b': '\\b', '\t': '\\t', '\n': '\\n', '\f': '\\f', '\r': '\\r'}
_NEEDS_ESCAPE = re.compile(r'["\\\x00-\x1f]')


def _string(text):
    return '"' + _NEEDS_ESCAPE.sub(lambda m: _ESCAPES.get(m.group(0), '\\u%04x' % ord(m.group(0))), text) + '"'


def _number(value):
    if isinstance(value, int):
        if abs(value) > 2 ** 53:
            raise ValueError('an integer beyond 2^53 has no exact JSON number form')
        return str(value)
    if value != value or value in (float('inf'), float('-inf')):
        raise ValueError('NaN and infinities are not JSON numbers')
    if value == 0:
        return '0'
    # repr gives the shortest digits that read back as the same double; ECMAScript's layout is applied to them.
    mantissa, _, exponent = repr(abs(value)).partition('e')
    whole, _, fraction = mantissa.partition('.')
    digits = (whole + fraction).lstrip('0')
    n = len(whole) + int(exponent or 0) - (len(whole + fraction) - len((whole + fraction).lstrip('0')))
    digits = digits.rstrip('0') or '0'
    k = len(digits)
    sign = '-' if value < 0 else ''
    if k <= n <= 21:
        return sign + digits + '0' * (n - k)
    if 0 < n <= 21:
        return sign + digits[:n] + '.' + digits[n:]
    if -6 < n <= 0:
        return sign + '0.' + '0' * -n + digits
    e = n - 1
    return sign + digits[0] + ('.' + digits[1:] if k > 1 else '') + 'e' + ('+' if e >= 0 else '-') + str(abs(e))


def canonical(value):
    """RFC 8785: members sorted by UTF-16 code units, no whitespace, minimal escaping, ECMAScript numbers."""
    if value is None:
        return 'null'
    if value is True:
        return 'true'
    if value is False:
        return 'false'
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, (int, float)):
        return _number(value)
    if isinstance(value, list):
        return '[' + ','.join(canonical(item) for item in value) + ']'
    if isinstance(value, dict):
        names = sorted(value, key=lambda name: name.encode('utf-16-be'))
        return '{' + ','.join(_string(name) + ':' + canonical(value[name]) for name in names) + '}'
    raise ValueError('not a JSON value: %r' % (value,))


def canonical_bytes(value):
    return canonical(value).encode('utf-8')


# --- the chain rule ---------------------------------------------------------------------------------------------------

def entry_digest(entry):
    return hashlib.sha256(canonical_bytes(entry)).digest()


def link(previous, stored_digest, digest_of_entry):
    return hashlib.sha256(previous + stored_digest + digest_of_entry).digest()


def reanchored_genesis(legacy_position, legacy_head):
    return hashlib.sha256(b'keyledger-audit-chain-v2' + struct.pack('>q', legacy_position) + legacy_head).digest()


# --- checkpoints ------------------------------------------------------------------------------------------------------

def read_keys(path):
    with open(path, encoding='utf-8') as f:
        keys = json.load(f).get('keys', [])
    by_kid = {}
    for key in keys:
        if key.get('kty') == 'OKP' and key.get('crv') == 'Ed25519' and key.get('kid') and key.get('x'):
            raw = base64.urlsafe_b64decode(key['x'] + '=' * (-len(key['x']) % 4))
            by_kid[key['kid']] = Ed25519PublicKey.from_public_bytes(raw)
    return by_kid


def signed_by(checkpoint, keys):
    key = keys.get(checkpoint.get('keyId'))
    signature = checkpoint.get('signature')
    if key is None or not isinstance(signature, str):
        return False
    unsigned = {name: value for name, value in checkpoint.items() if name != 'signature'}
    try:
        key.verify(base64.urlsafe_b64decode(signature + '=' * (-len(signature) % 4)), canonical_bytes(unsigned))
        return True
    except (InvalidSignature, ValueError):
        return False


def checkpoint_hash(checkpoint):
    return hashlib.sha256(canonical_bytes(checkpoint)).hexdigest()


def well_formed(checkpoint):
    return (isinstance(checkpoint.get('position'), int) and isinstance(checkpoint.get('eventCount'), int)
            and isinstance(checkpoint.get('headHash'), str))


def read_published(places):
    """Each file (or each file of a directory) holds checkpoints, one JSON object a line, bare or under
    "checkpoint" (an evidence line) or "data" (a CloudEvent)."""
    found = []
    for place in places:
        files = sorted(os.path.join(place, name) for name in os.listdir(place)) if os.path.isdir(place) else [place]
        for path in files:
            if not os.path.isfile(path):
                continue
            with open(path, encoding='utf-8') as f:
                text = f.read().strip()
            lines = text.splitlines()
            if len(lines) > 1 and not lines[1].strip().startswith('{'):
                lines = [text]
            for line in lines:
                if not line.strip():
                    continue
                obj = json.loads(line)
                for wrapper in ('checkpoint', 'data'):
                    if isinstance(obj.get(wrapper), dict):
                        obj = obj[wrapper]
                found.append((obj, os.path.basename(path)))
    return found


# --- the walk ---------------------------------------------------------------------------------------------------------

def _hex(value):
    if not isinstance(value, str):
        return None
    try:
        return bytes.fromhex(value)
    except ValueError:
        return None


def _number_or_zero(value):
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


class Walk:
    def __init__(self, keys, published):
        self.keys = keys
        self.published = published
        self.faults = []
        self.failing = []
        self.trusted = {}
        self.in_evidence = []
        self.seen = set()
        self.truncated = None
        self.header_seen = False
        self.checkpoints_checked = False
        self.ended = False
        self.previous = GENESIS
        self.previous_position = 0
        self.start_position = 0
        self.last_position = 0
        self.count = 0
        self.events = 0
        self.signed_up_to = None

    def fault(self, kind, position, detail):
        self.faults.append((kind, position, detail))

    def truncate(self, detail):
        if self.truncated is None:
            self.truncated = ('truncated-export', None, detail)

    def line(self, line, number):
        if self.ended:
            self.fault('malformed-evidence', None, 'line %d follows the closing line' % number)
            return
        kind = line.get('kind')
        if not self.header_seen and kind != 'header':
            self.fault('malformed-evidence', None, 'the first line is not the header')
            self.header_seen = True
        if kind == 'header':
            if self.header_seen:
                # A second header would restart the chain from a link of the file's choosing.
                self.fault('malformed-evidence', None, 'line %d is a second header' % number)
            else:
                self.header(line)
        elif kind == 'checkpoint':
            if self.checkpoints_checked:
                self.fault('malformed-evidence', None, 'line %d: a checkpoint after the events' % number)
            else:
                self.in_evidence.append((line.get('checkpoint') or {}, 'evidence'))
        elif kind in ('event', 'link'):
            self.check_checkpoints()
            self.position(line, kind == 'event')
        elif kind == 'end':
            self.check_checkpoints()
            self.ended = True
            if _number_or_zero(line.get('lines')) != number - 1:
                self.truncate('the closing line counts %s lines before it, the file has %d'
                              % (line.get('lines'), number - 1))
        else:
            self.fault('malformed-evidence', None, 'line %d is of unknown kind %s' % (number, kind))

    def header(self, header):
        self.header_seen = True
        self.previous_position = _number_or_zero(header.get('previousPosition'))
        self.start_position = self.last_position = self.previous_position
        self.count = _number_or_zero(header.get('previousEventCount'))
        self.previous = _hex(header.get('previousLink'))
        if self.previous is None:
            self.fault('malformed-evidence', None, 'the header has no previousLink')
            self.previous = GENESIS
        if self.previous_position == 0:
            anchor = header.get('anchor') or {}
            genesis = GENESIS if not anchor else reanchored_genesis(
                _number_or_zero(anchor.get('legacyPosition')), _hex(anchor.get('legacyHeadHash')) or b'')
            if genesis != self.previous or self.count != 0:
                self.fault('chain-start-mismatch', 0, 'the chain does not start at its genesis')

    def check_checkpoints(self):
        if self.checkpoints_checked:
            return
        self.checkpoints_checked = True
        by_position = {}
        for checkpoint, source in self.in_evidence + self.published:
            if not well_formed(checkpoint):
                self.fault('malformed-evidence', None,
                           'a checkpoint from %s lacks position, eventCount or headHash' % source)
                continue
            if not signed_by(checkpoint, self.keys):
                self.fault('checkpoint-signature-invalid', checkpoint['position'],
                           'the checkpoint from %s is not signed by audit key %s' % (source, checkpoint.get('keyId')))
                continue
            by_position.setdefault(checkpoint['position'], {}).setdefault(checkpoint_hash(checkpoint),
                                                                          (checkpoint, source))
            self.trusted.setdefault(checkpoint['position'], []).append((checkpoint, source))
        before = None
        for position in sorted(by_position):
            for checkpoint, source in by_position[position].values():
                if before is not None and checkpoint.get('previousCheckpointHash') not in before:
                    self.fault('checkpoint-chain-gap', position,
                               'the checkpoint from %s does not follow the one before it (a checkpoint between them'
                               ' is missing or was replaced)' % source)
            before = by_position[position]
        for checkpoint, source in self.trusted.get(self.previous_position, []):
            self.vouch(checkpoint, source, self.previous_position, self.previous)

    def position(self, line, event):
        position = _number_or_zero(line.get('position'))
        if position <= self.last_position:
            self.fault('reordered-or-inserted-event', position,
                       'the line for this position comes after the one for position %d' % self.last_position)
            return
        stored_link = _hex(line.get('link'))
        if stored_link is None:
            self.fault('reordered-or-inserted-event', position,
                       'an event where the chain passed a hole: it was never linked')
            return
        self.last_position = position
        self.seen.add(position)
        self.count += 1
        self.events += 1
        stored = _hex(line.get('storedDigest'))
        entry = line.get('entry') if event else None
        if event:
            digest = entry_digest(entry) if isinstance(entry, dict) and entry else None
        else:
            digest = _hex(line.get('entryDigest'))
        if stored is None and digest is None:
            self.fault('deleted-event', position, 'the chain links this position, the event is gone')
        elif stored is None or digest is None:
            self.fault('edited-event', position, 'the stored event no longer reads as an event')
        elif link(self.previous, stored, digest) != stored_link:
            if event and len(self.failing) < MAX_FAILING:
                self.failing.append((position, self.previous, stored_link, stored, entry))
            else:
                self.fault('edited-event', position, 'the event does not match its link')
        for checkpoint, source in self.trusted.get(position, []):
            self.vouch(checkpoint, source, position, stored_link)
        self.previous = stored_link

    def vouch(self, checkpoint, source, position, stored_link):
        if checkpoint['headHash'] != stored_link.hex():
            self.fault('history-rewritten-after-checkpoint', position,
                       "the chain's link here is not the head the checkpoint from %s signed: history was rewritten"
                       % source)
        elif checkpoint['eventCount'] != self.count:
            self.fault('deleted-event', position, 'the checkpoint from %s counts %d events up to here, the chain %d'
                       % (source, checkpoint['eventCount'], self.count))
        elif not self.faults and not self.failing:
            self.signed_up_to = position

    def belongs_at(self, failing):
        position, _, _, stored, entry = failing
        for other in self.failing:
            if other is failing:
                continue
            moved = dict(entry)
            moved['globalPosition'] = other[0]
            if link(other[1], stored, entry_digest(moved)) == other[2]:
                return other[0]
        return None

    def finish(self):
        self.check_checkpoints()
        if not self.ended:
            self.truncate('the closing line is missing')
        for failing in self.failing:
            moved_from = self.belongs_at(failing)
            if moved_from is not None:
                self.fault('reordered-or-inserted-event', failing[0],
                           'the event here is the one linked at position %d' % moved_from)
            else:
                self.fault('edited-event', failing[0], 'the event does not match its link')
        for position in sorted(self.trusted):
            if self.start_position < position <= self.last_position and position not in self.seen:
                self.fault('deleted-event', position,
                           'a signed checkpoint vouches for this position, which the evidence lacks')
        ordered = sorted(self.faults, key=lambda fault: -2 ** 63 if fault[1] is None else fault[1])
        return ([self.truncated] if self.truncated else []) + ordered


def verify(evidence_path, keys, published):
    walk = Walk(keys, published)
    unparsed = False
    with open(evidence_path, encoding='utf-8') as f:
        for number, text in enumerate(f, start=1):
            if unparsed:
                walk.fault('malformed-evidence', None, 'line %d is not JSON' % (number - 1))
                unparsed = False
            try:
                line = json.loads(text)
            except ValueError:
                unparsed = True
                continue
            walk.line(line if isinstance(line, dict) else {}, number)
    if unparsed:
        walk.truncate('the last line is cut off')
    return walk, walk.finish()


def main(argv):
    if len(argv) < 3:
        print('usage: verify-audit-evidence.py EVIDENCE.ndjson AUDIT-KEYS.json [PUBLISHED-CHECKPOINTS...]',
              file=sys.stderr)
        return 2
    try:
        keys = read_keys(argv[2])
        published = read_published(argv[3:])
        walk, faults = verify(argv[1], keys, published)
    except (OSError, ValueError) as e:
        print('cannot verify: %s' % e, file=sys.stderr)
        return 2
    for kind, position, detail in faults:
        print('FAULT %s%s: %s' % (kind, '' if position is None else ' at position %d' % position, detail))
    if faults:
        return 1
    if walk.signed_up_to is None:
        signed = 'no signed checkpoint covers them'
    else:
        signed = 'signed up to position %d' % walk.signed_up_to
        if walk.signed_up_to < walk.last_position:
            signed += ', the rest is chained but not signed yet'
    print('INTACT: %d linked events up to position %d; %s' % (walk.events, walk.last_position, signed))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
