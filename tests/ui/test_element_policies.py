"""Which policies a click on a diagram element opens."""
from __future__ import annotations

from xviz.ui.element_policies import policies_for_element
from xviz.document import Document


def test_nodes_and_edges_map_to_their_policies(scenario_file):
    view = Document.open(scenario_file).snapshot.view
    assert policies_for_element("user.alice", view) == ["world.users.alice.policies.AllowAssume"]
    assert policies_for_element("role.CrossAccountRole", view) == ["world.roles.CrossAccountRole.trust_policy"]
    assert policies_for_element("trust:root.111111111111->role.CrossAccountRole", view) == [
        "world.roles.CrossAccountRole.trust_policy"]
    assert policies_for_element("access:user.alice->res.shared-bucket", view) == [
        "world.resources.shared-bucket.policy", "world.users.alice.policies.AllowAssume"]
    assert policies_for_element("org.r-ab12", view) == ["world.organization.scps.DenyLeave.document"]
    assert policies_for_element("acct.111111111111", view) == []
    assert policies_for_element("access:user.nobody->res.missing", view) == []
