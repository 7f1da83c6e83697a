"""What is not an event: a matched trigger that tells no event of its own, because it is a
word of a name, a description, the content of a belief, an unsaid statement, an open question
or a proposal, the venue of a speech, or an act agreed, ended, planned or held rather than
carried out (docs/coding.md, "What is not an event")."""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.coding.cues import cue_words
from eventwire.coding.ontology import quad
from eventwire.coding.syntax import DEFINITE, FUTURE_AUX, HYPOTHETICAL_AUX, OBJ, SUBJ, Match, lemma
from eventwire.nlp.pipeline import span_ents
from eventwire.nlp.quotes import speech_verbs

# verbs whose complement describes their subject ("X is a critic of Y")
COPULAS = {"be", "become", "remain"}
# verbs whose subject lists content ("their demands included new elections")
LISTING_VERBS = {"include", "comprise"}


def why_no_event(m: Match) -> str | None:
    """Why a matched trigger tells no event of its own, or None when it may."""
    tok = m.head
    if _in_name(m):
        return "word of a proper name"
    if m.row.pos == "noun" and _described(tok):
        return "noun describing its subject or listing content"
    if _believed(tok):
        return "content of a belief"
    if _unsaid(tok):
        return "content of a statement not made"
    if _indirect_question(tok):
        return "content of an open question"
    if _proposal_content(tok):
        return "what a proposal would do"
    if m.row.type == "PROTEST" and m.row.pos == "noun" and _speech_venue(tok):
        return "the venue of a speech"
    if m.row.type == "REQUEST" and m.row.pos == "verb" and _ordered_done(tok):
        return "an order that something be done, asked of no one"
    if m.row.pos != "noun":
        return None
    if m.row.type == "RETREAT" and _agreed_in_words(tok):
        return "a retreat agreed or sought, not carried out"
    if quad(m.row.type).endswith("cooperation") and _ended(tok):
        return "an event told as ending or failing"
    if quad(m.row.type) == "material conflict" and _planned(tok):
        return "an act planned, not carried out"
    if m.row.type == "COERCE" and _held_state(tok):
        return "the place somebody was held, not an arrest"
    return None


# "ordered schools closed", "ordered the border sealed": the state the order puts things in
ORDER_VERBS = frozenset({"order"})
DONE_TAGS = frozenset({"VBN", "VBD", "JJ"})  # the tagger may read a participle VBD


def _ordered_done(verb: Token) -> bool:
    """ "ordered schools in three districts closed": an order that a thing be put in a state
    (a participle or adjective complement, no "to" clause) is a measure the one who orders
    takes, not a request of anybody ("ordered the army to withdraw" stays one)."""
    if lemma(verb) not in ORDER_VERBS:
        return False
    if any(c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children) for c in verb.children):
        return False
    return any(c.dep_ in ("advcl", "ccomp", "oprd", "xcomp", "acomp") and c.tag_ in DONE_TAGS
               and not any(a.dep_ in ("aux", "auxpass", "mark") for a in c.children)
               for c in verb.children)  # fmt: skip


def _agreed_in_words(noun: Token) -> bool:
    """ "signed a ceasefire agreement", "agreed to a truce", "talks on a pullback": a
    retreat named as the object or content of an agreement or a negotiation is promised
    (PLOVER AGREE, CONCEDE), not implemented (RETREAT). The agreeing verb is coded itself."""
    governor = noun.head.head if noun.dep_ == "pobj" else noun.head
    if noun.dep_ not in OBJ | {"compound", "pobj"} or governor.i == noun.i:
        return False
    return lemma(governor) in cue_words("pact")


def _ended(noun: Token) -> bool:
    """ "Earlier truces collapsed", "talks broke down": the subject of a verb of ending
    tells that an event ended, not that it took place."""
    if noun.dep_ not in SUBJ:
        return False
    verb = noun.head
    particles = [c.lower_ for c in verb.children if c.dep_ == "prt"]
    said = {lemma(verb)} | {f"{lemma(verb)} {p}" for p in particles}
    return bool(said & cue_words("ending"))


def _planned(noun: Token) -> bool:
    """ "use the camps to plan attacks", "are plotting attacks": an indefinite act of force
    that is the object of planning not in the past has not happened. "X planned the
    attacks" names the author of attacks that did."""
    verb = noun.head
    if noun.dep_ not in OBJ or lemma(verb) not in cue_words("plan"):
        return False
    definite = any(
        (c.dep_ == "det" and c.lower_ in DEFINITE) or c.dep_ == "poss" for c in noun.children
    )
    return not definite and verb.tag_ not in ("VBD", "VBN")


def _held_state(noun: Token) -> bool:
    """ "died in custody", "remains in detention": "in" a place of holding, under a verb of
    a state or of dying, tells where somebody was, not that they were arrested."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "in":
        return False
    return lemma(prep.head) in cue_words("custody")


def _in_name(m: Match) -> bool:
    """ "Amnesty International": a word of a multiword proper name is no trigger, unless the
    row is for the name itself."""
    tok = m.head
    if tok.pos_ != "PROPN":
        return False
    ent = next((e for e in span_ents(tok.sent) if e.start <= tok.i < e.end), None)
    if ent is not None and len(ent) > 1:
        return ent.text.lower() != m.row.trigger
    # a name the tagger did not label ("the Freedom Rally Committee")
    return (tok.dep_ == "compound" and tok.head.pos_ == "PROPN") or any(
        c.dep_ == "compound" and c.pos_ == "PROPN" for c in tok.children
    )


def _described(noun: Token) -> bool:
    """ "X is an outspoken critic of Y", "this was one of the demands of Z", "their demands
    included X": a noun that describes its subject or lists content is no new event."""
    tok = noun
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ == "NUM":
        tok = tok.head.head  # "one of the demands"
    if tok.dep_ == "attr" and lemma(tok.head) in COPULAS:
        return True
    return noun.dep_ == "nsubj" and lemma(noun.head) in LISTING_VERBS


def _clause_chain(tok: Token) -> list[Token]:
    """The trigger and the clause heads above it, up to the first clause that is not a
    complement or a coordinated clause. An event noun starts at the verb it is an argument
    of ("believe X ordered the killing")."""
    while tok.dep_ in OBJ | SUBJ | {"nsubjpass", "pobj", "prep"} and tok.head.i != tok.i:
        tok = tok.head
    chain = [tok]
    while tok.dep_ in ("xcomp", "ccomp", "conj") and tok.head.i != tok.i:
        tok = tok.head
        chain.append(tok)
    return chain


def _believed(tok: Token) -> bool:
    """ "Agencies believe the prince ordered the killing": what somebody believes, thinks
    or suspects happened is not stated to have happened. The content follows the verb: a
    clause before it ("X was accused, much of it believed ...") is the sentence's own."""
    return any(
        t.dep_ == "ccomp" and t.i > t.head.i and lemma(t.head) in cue_words("belief")
        for t in _clause_chain(tok)
    )


def _unsaid(tok: Token) -> bool:
    """ "did not say he had ordered it": what somebody did not say or think is not told."""
    return any(
        t.dep_ == "ccomp"
        and lemma(t.head) in speech_verbs().keys() | cue_words("belief")
        and any(c.dep_ == "neg" for c in t.head.children)
        for t in _clause_chain(tok)
    )


def _indirect_question(tok: Token) -> bool:
    """ "did not say whom they would support", "asked whether X would attend": an open
    question states no event. "did not say who fired" still tells of a shooting."""
    for clause in _clause_chain(tok):
        if clause.dep_ not in ("ccomp", "csubj"):
            continue
        for c in clause.children:
            if c.dep_ == "mark" and c.lower_ in ("whether", "if"):
                return True
            if c.tag_ in ("WP", "WDT") and c.dep_ not in SUBJ | {"nsubjpass"}:
                return True
    return False


def _proposal_content(tok: Token) -> bool:
    """ "a bill that would allow China to extradite suspects": what a bill, law or proposal
    would do has not happened; "a decree banning the niqab" in force still bans."""
    modal = False
    while tok.head.i != tok.i:
        modal = modal or any(
            c.dep_ == "aux" and c.lower_ in HYPOTHETICAL_AUX | FUTURE_AUX for c in tok.children
        )
        if tok.dep_ in ("relcl", "acl"):
            return modal and lemma(tok.head) in cue_words("proposal")
        if tok.dep_ not in ("xcomp", "ccomp", "conj", "advcl"):
            return False
        tok = tok.head
    return False


def _speech_venue(noun: Token) -> bool:
    """ "announced the change in a rally", "said at a rally": a gathering where somebody
    speaks is the speaker's platform, not a protest."""
    prep = noun.head
    return (
        noun.dep_ == "pobj" and prep.lower_ in ("in", "at") and lemma(prep.head) in speech_verbs()
    )
