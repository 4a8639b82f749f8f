"""Regenerate cases.json: random documents chunked by unstructured 0.27.35.

Run with a Python that has `unstructured==0.27.35` installed:
    python generate.py cases.json
The seed is fixed, so the output is reproducible. No orig_elements are kept, as in
sfstream. Documents in which unstructured writes a table piece whose text_as_html exceeds
max_characters are left out, because sfstream splits such tables further.
"""
import os, json, random, sys
os.environ["DO_NOT_TRACK"]="1"; os.environ["SCARF_NO_ANALYTICS"]="1"; os.environ["UNSTRUCTURED_DISABLE_NOTICE"]="1"
from unstructured.staging.base import elements_from_dicts
from unstructured.chunking.basic import chunk_elements
from unstructured.chunking.title import chunk_by_title
random.seed(20261204)
words = ["alpha","beta","gamma","renewal","price","約束","価格","顧客","x"*25,"a","of","to","&","\"q\"","it's","e\u0301t\u00e9"]
whitespace_runs = [" "," "," ","  ","\n","\u00a0"," \n ","\t"]
def text(n):
    out=[]
    for i in range(n):
        out.append(random.choice(words)); out.append(random.choice(whitespace_runs))
    s="".join(out)
    return s.strip() if random.random()<0.8 else " "+s
def table():
    html="<table>"+("<thead>" if random.random()<0.3 else ""); texts=[]
    for r in range(random.randint(1,6)):
        tag="th" if (r==0 and random.random()<0.5) else "td"; cells=[]
        for c in range(random.randint(1,4)):
            t=text(random.randint(0,6)).replace("&","and") if random.random()<0.9 else ""
            cells.append(t)
        html+="<tr>"+"".join(f"<{tag}>{c}</{tag}>" for c in cells)+"</tr>"; texts.extend(cells)
    return " ".join(" ".join(texts).split()), html+"</table>"
cases=[]
while len(cases)<40:
    els=[]
    for i in range(random.randint(0,12)):
        kind=random.random()
        if kind<0.25: els.append({"type":"Title","text":text(random.randint(1,5)),"metadata":{}})
        elif kind<0.35:
            t,h=table(); e={"type":"Table","text":t,"metadata":{}}
            if random.random()<0.8: e["metadata"]["text_as_html"]=h
            els.append(e)
        elif kind<0.4: els.append({"type":"CodeSnippet","text":"if x:\n    y = 1\n"*random.randint(1,8),"metadata":{}})
        elif kind<0.43: els.append({"type":"NarrativeText","text":"","metadata":{}})
        else: els.append({"type":random.choice(["NarrativeText","ListItem"]),"text":text(random.choice([2,8,25,60])),"metadata":{}})
    for i,e in enumerate(els): e["element_id"]=f"e{len(cases)}-{i}"
    mx=random.choice([None,10,20,40,60,100,200]); hard=mx or 500
    opts={"strategy":random.choice(["basic","by_title"])}
    if mx: opts["max_characters"]=mx
    if random.random()<0.5: opts["new_after_n_chars"]=random.randint(0,hard)
    if random.random()<0.5: opts["combine_text_under_n_chars"]=random.randint(0,hard)
    if random.random()<0.5: opts["overlap"]=random.randint(0,min(hard-1,25))
    if random.random()<0.3: opts["overlap_all"]=True
    o=dict(opts); strat=o.pop("strategy")
    if strat=="basic":
        o.pop("combine_text_under_n_chars",None)
        ch=chunk_elements(elements_from_dicts(els), include_orig_elements=False, **o)
    else:
        ch=chunk_by_title(elements_from_dicts(els), include_orig_elements=False, **o)
    exp=[]
    ok=True
    for c in ch:
        d=c.to_dict(); m=d["metadata"]
        if m.get("text_as_html") and len(m["text_as_html"])>hard: ok=False
        exp.append({"type":d["type"],"text":d["text"],"text_as_html":m.get("text_as_html"),"is_continuation":m.get("is_continuation"),"chunk_index":m.get("chunk_index"),"num_carried_over_header_rows":m.get("num_carried_over_header_rows")})
    if not ok: continue
    cases.append({"options":opts,"elements":els,"expected":[{k:v for k,v in e.items() if v is not None} for e in exp]})
json.dump({"cases":cases},open(sys.argv[1] if len(sys.argv)>1 else "cases.json","w"),ensure_ascii=False,separators=(",",":"))
print(len(cases), sum(len(c["expected"]) for c in cases))
