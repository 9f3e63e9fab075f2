"""Pilot tests of the delegate's flows: edit structure, compose from the bank, fix, diff, save."""
from __future__ import annotations

from drafter.model import Kind, Run
from drafter.parse import load
from drafter.render.markdown import render_markdown
from drafter.tui import editing, recovery
from drafter.tui.screens.dialogs import AskPath, Choice, PickFile
from drafter.tui.screens.header_form import HeaderForm
from drafter.tui.widgets.draft_list import DraftList

from .conftest import FakeBank, run


def op_numbers(doc):
    return [p.number for p in doc.operative]


async def settle(pilot, seconds: float = 0.05) -> None:
    await pilot.pause(seconds)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def test_opens_draft_with_numbered_list(make_app, draft):
    async def flow():
        app = make_app(draft)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            lst = app.query_one(DraftList)
            assert lst.option_count == 9
            assert str(lst.get_option_at_index(4).prompt).lstrip().startswith("OP 1")
            assert app.query_one("#editor").text.startswith("Reaffirming the commitment")
            assert not app.dirty
    run(flow())


def test_move_renumbers_and_undo_restores(make_app, draft):
    async def flow():
        app = make_app(draft)
        async with app.run_test(size=(120, 40)) as pilot:
            original = app.doc
            await pilot.press(*["down"] * 5)  # OP 2
            assert app.selected == 5
            await pilot.press("ctrl+up")
            assert app.selected == 4
            assert app.doc.operative[0].text.startswith("Also encourages")
            assert op_numbers(app.doc) == ["1", "2", "3", "4", "5"]
            await pilot.press("ctrl+z")
            assert app.doc == original and not app.dirty
            await pilot.press("ctrl+y")
            assert app.doc.operative[0].text.startswith("Also encourages")
    run(flow())


def test_add_op_type_and_opener_is_italic(make_app, draft):
    async def flow():
        app = make_app(draft)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press(*["down"] * 6, "o")  # new OP after OP 3
            assert app.selected == 7
            await pilot.press(*"Decides")
            app.query_one("#editor").insert(" to remain seized of the matter;")
            await pilot.pause()
            p = editing.items(app.doc)[7]
            assert p.number == "4" and p.kind is Kind.OPERATIVE
            assert p.runs[0] == Run("Decides", italic=True)
            assert op_numbers(app.doc) == ["1", "2", "3", "4", "5", "6"]
            assert app.dirty and "unsaved" in app.sub_title
            await pilot.press("escape", "ctrl+z")  # one undo step removes the typing...
            assert editing.items(app.doc)[7].text == ""
            await pilot.press("ctrl+z")  # ...and the next the paragraph
            assert len(app.doc.operative) == 5
    run(flow())


def test_convert_split_merge_delete(make_app, draft):
    async def flow():
        app = make_app(draft)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press(*["down"] * 3, "c")  # PP 4 -> OP 1
            assert len(app.doc.preamble) == 3 and app.doc.operative[0].text.startswith("Deeply concerned")
            assert app.doc.operative[0].text.endswith(";") and op_numbers(app.doc)[:2] == ["1", "2"]
            await pilot.press("m")  # merge with the next OP
            assert len(app.doc.operative) == 5
            await pilot.press("enter")
            area = app.query_one("#editor")
            area.cursor_location = (0, area.text.index(" Encourages"))
            await pilot.press("ctrl+l")  # split it again
            assert len(app.doc.operative) == 6
            assert app.doc.operative[1].text.startswith("Encourages")
            await pilot.press("escape", "d")
            assert len(app.doc.operative) == 5
            await pilot.press("ctrl+z")
            assert len(app.doc.operative) == 6
    run(flow())


def test_compose_from_bank_keeps_source(make_app, draft):
    async def flow():
        bank = FakeBank()
        app = make_app(draft, bank)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            await pilot.press(*["down"] * 8)  # OP 5
            await pilot.press("ctrl+f")
            app.query_one("#query").value = "forensic laboratories"
            await pilot.press("enter")
            await settle(pilot, 0.3)
            hits = app.query_one("#hits")
            assert hits.option_count >= 1 and "A/RES/73/192 (2018) OP 4" in str(hits.get_option_at_index(0).prompt)
            assert ("forensic laboratories", True) in bank.queries  # semantic pass after lexical
            await pilot.press("enter")
            assert app.selected == 9 and app.doc.operative[-1].text.startswith("Encourages Member States to")
            assert app.doc.operative[-1].number == "6"
            sources = dict(app.doc.meta.extra)["sources"]
            assert sources == [{"id": "a-res-73-192-op-4", "symbol": "A/RES/73/192", "year": 2018,
                                "number": "OP 4"}]
            await settle(pilot, 0.5)
            assert "verbatim" in str(app.query_one("#verdict").render())
            await pilot.press("ctrl+f")
            await pilot.press("tab", "tab", "tab", "tab", "p")  # insert the hit as a PP instead
            assert any(p.text.startswith("Encourages Member States to") for p in app.doc.preamble)
            await pilot.press("ctrl+s")
            saved = load(draft)
            assert dict(saved.meta.extra)["sources"][0]["symbol"] == "A/RES/73/192"
    run(flow())


def test_search_filters_kind_and_opener(make_app, draft):
    async def flow():
        app = make_app(draft)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press("ctrl+f")
            app.query_one("#query").value = "forensic drugs"
            await settle(pilot, 0.3)
            assert app.query_one("#hits").option_count == 3
            app.query_one("#kind-filter").value = "preambular"
            await settle(pilot, 0.3)
            hits = app.query_one("#hits").hits
            assert [h.kind for h in hits] == ["preambular"]
            app.query_one("#kind-filter").value = "any"
            app.query_one("#opener-filter").value = "Requests"
            await settle(pilot, 0.3)
            assert [h.opener for h in app.query_one("#hits").hits] == ["Requests"]
    run(flow())


def test_semantic_results_arrive_when_model_is_ready(make_app, draft):
    async def flow():
        bank = FakeBank(model_ready=False)
        app = make_app(draft, bank)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press("ctrl+f", *"forensic")
            await pilot.pause(0.4)
            assert "loading" in str(app.query_one("#search-status").render())
            assert not app.model_ready and all(not sem for _, sem in bank.queries)
            bank.model.set()
            await settle(pilot, 0.3)
            assert app.model_ready
            assert ("forensic", True) in bank.queries
    run(flow())


def test_fix_a_finding_and_jump(make_app, draft):
    draft.write_text(draft.read_text().replace(
        "with the United Nations Office on Drugs and Crime and", "with UNODC and"))

    async def flow():
        app = make_app(draft)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot, 0.6)
            assert [f.where for f in app.findings] == ["OP 2"]
            assert "1 warning" in str(app.query_one("#findings-summary").render())
            await pilot.press("ctrl+g", "enter")  # jump
            assert app.selected == 5 and app.focused.id == "editor"
            await pilot.press("ctrl+g", "f")  # fix
            assert "UNODC" not in app.doc.operative[1].text
            assert "Office on Drugs and Crime" in app.doc.operative[1].text
            await settle(pilot, 0.6)
            assert app.findings == ()
            await pilot.press("ctrl+z")
            assert "UNODC" in app.doc.operative[1].text
    run(flow())


def test_view_diff_and_export(make_app, draft, tmp_path):
    old = tmp_path / "old.md"
    old.write_text(draft.read_text().replace("Also encourages", "Encourages"))

    async def flow():
        app = make_app(draft)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press("ctrl+r")
            assert isinstance(app.screen, PickFile)
            app.screen.query_one("#path").value = str(old)
            app.screen.query_one("#path").focus()
            await pilot.press("enter")
            await settle(pilot, 0.2)
            shown = str(app.query_one("#diff").render())
            assert "OP 2 -> OP 2" in shown or "OP 2" in shown
            assert "edited" in shown
            await pilot.click("#export-diff")
            assert isinstance(app.screen, AskPath)
            await pilot.press("enter")
            await settle(pilot, 0.2)
            report = tmp_path / "good-draft-changes.md"
            assert report.exists() and "OP 2" in report.read_text()
    run(flow())


def test_save_writes_canonical_markdown_atomically(make_app, draft, recovery_dir):
    async def flow():
        app = make_app(draft)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press("enter", "end", *" Added")
            await pilot.pause(1.3)
            assert recovery.recovery_path(draft, recovery_dir).exists()
            await pilot.press("ctrl+s")
            assert not app.dirty and app.sub_title == "saved"
            assert draft.read_text() == render_markdown(app.doc)
            assert load(draft) == app.doc
            assert not recovery.recovery_path(draft, recovery_dir).exists()
            assert not list(draft.parent.glob(".*.tmp"))
    run(flow())


def test_recover_after_crash(make_app, draft, recovery_dir):
    doc = load(draft)
    changed = editing.set_text(doc, 4, "Encourages Member States to do more;")
    recovery.write(recovery.recovery_path(draft, recovery_dir), draft, render_markdown(changed))

    async def flow():
        app = make_app(draft)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, Choice) and app.screen.id == "recovery"
            await settle(pilot, 0.6)  # results arriving under a dialog still reach the panes
            assert app._lint_doc is app.doc and app.query_one("#verdict").render()
            await pilot.click("#recover")
            assert app.doc.operative[0].text == "Encourages Member States to do more;"
            assert app.dirty
    run(flow())
    assert recovery.recovery_path(draft, recovery_dir).exists()  # kept until saved


def test_recovery_can_be_discarded(make_app, draft, recovery_dir):
    path = recovery.recovery_path(draft, recovery_dir)
    recovery.write(path, draft, render_markdown(editing.delete(load(draft), 0)[0]))

    async def flow():
        app = make_app(draft)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            await pilot.click("#discard")
            assert len(app.doc.preamble) == 4 and not app.dirty
    run(flow())
    assert not path.exists()


def test_quit_with_unsaved_changes_asks(make_app, draft, recovery_dir):
    async def flow():
        app = make_app(draft)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press("d")
            await pilot.press("ctrl+q")
            assert isinstance(app.screen, Choice) and app.screen.id == "confirm-quit"
            await pilot.press("escape")
            assert app.is_running and len(app.doc.preamble) == 3
            await pilot.press("ctrl+q")
            await pilot.click("#save")
        return app
    app = run(flow())
    assert len(load(draft).preamble) == 3 and not app.is_running


def test_new_draft_starts_with_header_form(make_app, tmp_path):
    target = tmp_path / "new.md"

    async def flow():
        app = make_app(target)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, HeaderForm)
            await pilot.press(*"Countering", "tab", "tab")
            app.screen.query_one("#h-title").value += " synthetic drugs"
            app.screen.query_one("#h-symbol").value = "E/CN.7/2026/L.3"
            app.screen.query_one("#h-sponsors").value = "Belarus, Chile"
            await pilot.press("ctrl+s")  # Done
            assert app.doc.title == "Countering synthetic drugs"
            assert app.doc.organ.name == "The Commission on Narcotic Drugs"
            assert app.doc.meta.sponsors == ("Belarus", "Chile")
            await pilot.press("p", *"Recalling")
            app.query_one("#editor").insert(" its resolution 60/1,")
            await pilot.press("escape", "o", *"Decides")
            app.query_one("#editor").insert(" to act.")
            await pilot.press("ctrl+s")
    run(flow())
    saved = load(target)
    assert saved.meta.symbol == "E/CN.7/2026/L.3"
    assert [p.opener for p in saved.paragraphs] == ["Recalling", "Decides"]


def test_untext_input_is_saved_next_to_it_as_markdown(make_app, tmp_path, fixtures):
    source = tmp_path / "seed.txt"
    source.write_bytes((fixtures / "000_6dacf8c41ce2418f.txt").read_bytes())
    before = source.read_bytes()

    async def flow():
        app = make_app(source)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press("ctrl+s")
            assert isinstance(app.screen, AskPath)
            assert app.screen.query_one("#path").value == str(tmp_path / "seed.md")
            await pilot.press("enter")
            assert app.path == tmp_path / "seed.md" and not app.dirty
    run(flow())
    assert source.read_bytes() == before
    assert load(tmp_path / "seed.md").operative


def test_footnote_added_at_cursor_and_edited(make_app, draft):
    async def flow():
        app = make_app(draft)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press(*["down"] * 4, "enter", "end")
            await pilot.press("ctrl+n")
            app.screen.query_one("#footnote-text").value = "United Nations, *Treaty Series*, vol. 520, No. 7515."
            await pilot.press("enter")
            op1 = app.doc.operative[0]
            assert op1.footnote_refs == ("2",)
            assert app.doc.footnote("2").text == "United Nations, Treaty Series, vol. 520, No. 7515."
            await pilot.press("escape", "n")
            assert app.screen.query_one("#footnote-text").value.startswith("United Nations, *Treaty")
            app.screen.query_one("#footnote-text").value = "Ibid."
            await pilot.press("enter")
            assert app.doc.footnote("2").text == "Ibid."
    run(flow())


def test_real_lint_findings_and_safe_fix(make_app, tmp_path, fixtures):
    """With the real convention checker: the bad example's UNODC finding is fixed in place."""
    from drafter.tui import services

    bad = tmp_path / "bad-draft.md"
    bad.write_text((fixtures / "bad-draft.md").read_text())

    async def flow():
        app = make_app(bad, services=services)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot, 0.8)
            rules = {f.rule for f in app.findings}
            assert "UN.TERM.NO_UNODC" in rules
            finding = next(f for f in app.findings if f.rule == "UN.TERM.NO_UNODC")
            assert finding.fixable and finding.where.startswith("OP")
            await pilot.press("ctrl+g")
            findings = app.query_one("#findings")
            findings.highlighted = next(i for i in range(findings.option_count)
                                        if findings.get_option_at_index(i).id ==
                                        f"finding-{app.findings.index(finding)}")
            await pilot.press("enter")
            assert editing.items(app.doc)[app.selected] is editing.items(app.doc)[finding.index]
            await pilot.press("ctrl+g", "f")
            assert not any("UNODC" in p.full_text for p in app.doc.paragraphs)
            await settle(pilot, 0.8)
            assert "UN.TERM.NO_UNODC" not in {f.rule for f in app.findings}
    run(flow())


def test_docx_input_opens_and_saves_as_markdown(make_app, tmp_path, draft):
    from drafter.render.docx import render_docx

    source = tmp_path / "draft.docx"
    source.write_bytes(render_docx(load(draft)))
    before = source.read_bytes()

    async def flow():
        app = make_app(source)
        async with app.run_test(size=(80, 24)) as pilot:
            assert len(app.doc.operative) == 5
            await pilot.press("ctrl+s")
            assert app.screen.query_one("#path").value == str(tmp_path / "draft.md")
            app.screen.query_one("#path").value = str(source)  # never over the input
            await pilot.press("enter")
            assert "the file you opened" in str(app.screen.query_one("#path-warning").render())
            app.screen.query_one("#path").value = str(tmp_path / "draft.md")
            await pilot.press("enter")
            assert not app.dirty
    run(flow())
    assert source.read_bytes() == before
    assert load(tmp_path / "draft.md").operative == load(source).operative


def test_untitled_draft_asks_for_a_name(make_app, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)

    async def flow():
        app = make_app(None)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            app.screen.query_one("#h-title").value = "Untitled so far"
            await pilot.press("ctrl+s", "o")
            app.query_one("#editor").insert("Decides to meet again.")
            await pilot.press("escape", "ctrl+s")
            assert isinstance(app.screen, AskPath)
            assert app.screen.query_one("#path").value == str(tmp_path / "draft.md")
            app.screen.query_one("#path").value = str(tmp_path / "meeting")
            await pilot.press("enter")
            assert app.path == tmp_path / "meeting.md" and not app.dirty
    run(flow())
    assert load(tmp_path / "meeting.md").operative[0].opener == "Decides"


def test_command_palette_runs_edits(make_app, draft):
    async def flow():
        app = make_app(draft)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press(*["down"] * 6, "ctrl+p")
            await pilot.pause(0.2)
            await pilot.press(*"Move paragraph up")
            await pilot.pause(0.5)
            await pilot.press("enter")
            await pilot.pause(0.2)
            assert app.doc.operative[1].text.startswith("Requests the United Nations")
            assert [p.number for p in app.doc.operative] == ["1", "2", "3", "4", "5"]
    run(flow())


def test_apply_all_safe_fixes_is_one_undo_step(make_app, tmp_path, fixtures):
    from drafter.tui import services

    bad = tmp_path / "bad-draft.md"
    bad.write_text((fixtures / "bad-draft.md").read_text())

    async def flow():
        app = make_app(bad, services=services)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot, 0.8)
            before, fixable = app.doc, sum(f.fixable for f in app.findings)
            assert fixable >= 3
            app.action_fix_all()
            await settle(pilot, 0.8)
            assert not any(f.fixable for f in app.findings)
            assert not any("UNODC" in p.full_text for p in app.doc.paragraphs)
            await pilot.press("ctrl+z")
            assert app.doc == before
    run(flow())
