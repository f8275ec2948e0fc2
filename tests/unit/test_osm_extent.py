"""The box the map shows after a load: the bounds, else the data that is more than relation
members."""

from osm_roundtrip.plugin.core.osm.extent import union, view_box
from osm_roundtrip.plugin.core.osm.model import DataSet, Member, Node, Relation, Way


def town_with_a_border() -> DataSet:
    """A street and a café in a small town; a border way, member of a country relation (the
    rest of its members not in the data), runs 50 km out; a bus route's stop is far away."""
    data = DataSet()
    for node in (
        Node(1, 47.140, 9.520),
        Node(2, 47.141, 9.522),
        Node(3, 47.1405, 9.521, tags={"amenity": "cafe"}),
        Node(10, 47.139, 9.519),
        Node(11, 47.600, 9.900),  # the border's far end
        Node(20, 46.900, 9.100, tags={"highway": "bus_stop"}),
    ):
        data.add(node)
    data.add(Way(100, [1, 2], tags={"highway": "residential"}))
    data.add(Way(200, [10, 11]))
    data.add(
        Relation(
            300,
            [Member("way", 200, "outer"), Member("way", 999, "outer")],
            tags={"type": "boundary", "boundary": "administrative"},
        )
    )
    data.add(Relation(400, [Member("node", 20, "stop"), Member("node", 3, "")]))
    return data


def test_the_bounds_are_the_box_and_several_are_joined():
    data = town_with_a_border()
    data.bounds = [(9.51, 47.13, 9.53, 47.15)]
    assert view_box(data) == (9.51, 47.13, 9.53, 47.15)
    data.bounds.append((9.60, 47.00, 9.70, 47.05))
    assert view_box(data) == (9.51, 47.00, 9.70, 47.15)


def test_without_bounds_relation_members_that_reach_out_are_left_out():
    """The street decides: the border way, the far stop and the café are relation members."""
    assert view_box(town_with_a_border()) == (9.520, 47.140, 9.522, 47.141)


def test_a_point_of_its_own_counts():
    data = town_with_a_border()
    data.add(Node(4, 47.150, 9.530, tags={"shop": "bakery"}))
    assert view_box(data) == (9.520, 47.140, 9.530, 47.150)


def test_a_file_of_relation_members_only_shows_all_of_them():
    data = DataSet()
    data.add(Node(10, 47.139, 9.519))
    data.add(Node(11, 47.600, 9.900))
    data.add(Way(200, [10, 11]))
    data.add(Relation(300, [Member("way", 200, "outer")]))
    assert view_box(data) == (9.519, 47.139, 9.900, 47.600)


def test_no_nodes_no_box():
    assert view_box(DataSet()) is None
    assert union([]) is None
